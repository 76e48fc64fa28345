/**
 * The link between a case and an application: the register stores only the application's id
 * (docs/cases.md), so the screen resolves tracking numbers (申请编号) through the applications
 * API, and the form picks an application by searching the agency's inbox.
 */
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { applicationsApi } from '../../api/applications.ts';

/** Tracking numbers of the given application ids (loaded once each; ids that fail stay unknown). */
export function useTrackingNumbers(ids: readonly (string | null)[]): ReadonlyMap<string, string> {
  const [known, setKnown] = useState<ReadonlyMap<string, string>>(new Map());
  const wanted = useMemo(() => [...new Set(ids.filter((id): id is string => !!id))].sort(), [ids]);
  useEffect(() => {
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length === 0) return undefined;
    const controller = new AbortController();
    void Promise.all(
      missing.map((id) =>
        applicationsApi.get(id, controller.signal).then(
          (a) => [id, a.trackingNumber] as const,
          () => [id, ''] as const,
        ),
      ),
    ).then((pairs) => {
      if (!controller.signal.aborted) setKnown((prev) => new Map([...prev, ...pairs]));
    });
    return () => controller.abort();
  }, [wanted, known]);
  return known;
}

/**
 * Chooses the application a case is about by its 申请编号; empty = a case about the agency's
 * disclosure work in general. `value` is the application's id, as the API stores it.
 */
export function ApplicationSelect(props: {
  id?: string;
  agencyId: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  currentLabel?: string;
}) {
  const { id, agencyId, value, onChange, currentLabel } = props;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      applicationsApi
        .inbox({ agencyId, q: query.trim() || undefined, pageSize: 20 }, controller.signal)
        .then((page) =>
          setOptions(page.items.map((a) => ({ value: a.id, label: `${a.trackingNumber}（${a.applicantName}）` }))),
        )
        .catch(() => setOptions([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [agencyId, query]);
  const all =
    value && !options.some((o) => o.value === value)
      ? [{ value, label: currentLabel || '已关联的申请' }, ...options]
      : options;
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQuery}
      loading={loading}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={all}
      placeholder="输入申请编号或申请人搜索；不关联则留空"
      notFoundContent={loading ? '正在查找…' : '没有找到申请'}
    />
  );
}
