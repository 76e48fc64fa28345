/**
 * Files the server renders on request (a letter preview): a POST that answers with a file
 * instead of JSON, and handing that file to the browser as a download.
 */
import { ApiError, request } from '../api/client.ts';
import type { Problem } from '../api/types.ts';

/** A file the server answered with. */
export interface FetchedFile {
  blob: Blob;
  /** From Content-Disposition (filename*=UTF-8''…), or 'download'. */
  fileName: string;
}

function fileNameOf(disposition: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return plain?.[1] ?? 'download';
}

/**
 * Sends `body` as JSON and returns the file of the answer. The CSRF token comes from /auth/me,
 * as for the uploads of other screens; a refusal throws the same {@link ApiError} as `request`.
 */
export async function fetchFile(method: string, path: string, body: unknown): Promise<FetchedFile> {
  const csrf = (await request<{ csrfToken?: string }>('GET', '/auth/me')).csrfToken ?? null;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? `请求失败（${response.status}）`,
      problem.errors ?? {},
      problem,
    );
  }
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

/** Lets the browser save `file` under its name. */
export function saveFile(file: FetchedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
