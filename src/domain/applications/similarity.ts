/**
 * Recognising the same information and the same applicant, without decrypting anything
 * (applicants are compared by the keyed hash of their normalized identity number):
 * - 第四十四条: several applicants asked the same agency for the same information, and it may be
 *   disclosed → suggest publishing it proactively;
 * - 第三十六条第六项: the same applicant asks again for information already answered → 重复申请;
 * - 第三十五条: the number or frequency of one applicant's requests clearly exceeds a reasonable
 *   range → the office may ask for reasons (the threshold is a setting, default 10 in 30 days).
 * Similarity is the Dice coefficient of character bigrams of the normalized descriptions: crude,
 * but transparent and language-neutral; the console shows suggestions, a person decides.
 */

/** Punctuation, spaces and filler words dropped; full-width folded. */
export function normalizeDescription(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/申请公开|请求公开|要求公开|关于|的|有关|相关/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity (0–1) of two descriptions. */
export function similarity(a: string, b: string): number {
  const x = bigrams(normalizeDescription(a));
  const y = bigrams(normalizeDescription(b));
  const size = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const total = size(x) + size(y);
  if (total === 0) return 0;
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / total;
}

/** Above this the two descriptions are treated as the same information (a setting of the service). */
export const SAME_INFORMATION_THRESHOLD = 0.6;

/** What the detectors need of an application. */
export interface ComparableApplication {
  readonly id: string;
  readonly trackingNumber: string;
  readonly applicantHash: string | null;
  readonly description: string;
  readonly receivedDate: string | null;
  readonly outcome: string | null;
}

/** A 第四十四条 suggestion: applications by at least two applicants for the same information that was disclosed. */
export interface SameInformationGroup {
  readonly applicationIds: readonly string[];
  readonly trackingNumbers: readonly string[];
  readonly applicants: number;
  readonly description: string;
}

const DISCLOSABLE = new Set(['granted', 'partial']);

/**
 * Groups of the same information asked by several applicants (第四十四条), of which at least one
 * was granted or partly granted ("该政府信息属于可以公开的"). Single-link clustering, O(n²) on the
 * (small) list of one agency's recent applications.
 */
export function sameInformationGroups(
  apps: readonly ComparableApplication[],
  threshold = SAME_INFORMATION_THRESHOLD,
): SameInformationGroup[] {
  const parent = apps.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < apps.length; i++) {
    for (let j = i + 1; j < apps.length; j++) {
      if (similarity(apps[i]!.description, apps[j]!.description) >= threshold) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, ComparableApplication[]>();
  apps.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a]));
  const out: SameInformationGroup[] = [];
  for (const members of groups.values()) {
    const applicants = new Set(members.map((m) => m.applicantHash ?? `anon:${m.id}`));
    if (applicants.size < 2 || !members.some((m) => m.outcome !== null && DISCLOSABLE.has(m.outcome))) continue;
    out.push({
      applicationIds: members.map((m) => m.id),
      trackingNumbers: members.map((m) => m.trackingNumber),
      applicants: applicants.size,
      description: members[0]!.description,
    });
  }
  return out;
}

/** 第三十六条第六项: earlier answered applications of the same applicant for the same information. */
export function earlierSameRequests(
  app: ComparableApplication,
  earlier: readonly ComparableApplication[],
  threshold = SAME_INFORMATION_THRESHOLD,
): ComparableApplication[] {
  if (app.applicantHash === null) return [];
  return earlier.filter(
    (e) =>
      e.id !== app.id &&
      e.applicantHash === app.applicantHash &&
      e.outcome !== null &&
      similarity(e.description, app.description) >= threshold,
  );
}

/** The 第三十五条 setting: how many requests in how many days make a mass request worth asking about. */
export interface MassRequestSetting {
  readonly count: number;
  readonly days: number;
}
export const DEFAULT_MASS_REQUEST: MassRequestSetting = { count: 10, days: 30 };

/** Whether `countInWindow` requests of one applicant within the window reach the setting (第三十五条). */
export function isMassRequest(countInWindow: number, setting: MassRequestSetting = DEFAULT_MASS_REQUEST): boolean {
  return countInWindow >= setting.count;
}
