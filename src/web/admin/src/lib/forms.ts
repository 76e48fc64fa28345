/**
 * Forms and server validation: a rejected submission shows each server message beside its
 * field and keeps everything the user typed (DESIGN.md, non-negotiable 4).
 */
import { useCallback, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

type NamePath = Array<string | number>;

/** `contact.email`, `/contact/email` or `roles/0` → ['contact', 'email'] / ['roles', 0]. */
export function fieldPath(key: string): NamePath {
  return key
    .replace(/^\/+/, '')
    .split(/[./]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts an error on the form: each entry of `ApiError.fieldErrors` goes to the field with that
 * name (a message for an indexed item such as `roles/1` goes to `roles`). Returns the text to
 * show above the form: the server's detail, plus any field message that has no field here.
 * Values are never reset, so nothing typed is lost.
 */
export function applyApiError(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? `操作失败：${error.message}` : '操作失败，请重试';
  const registered = form.getFieldsError().map((f) => f.name.join('.'));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];
  for (const [key, message] of Object.entries(error.fieldErrors)) {
    let path = fieldPath(key);
    // Trim trailing parts until a registered field matches: `roles/1` → `roles`.
    while (path.length > 0 && !registered.includes(path.join('.'))) path = path.slice(0, -1);
    if (path.length === 0) {
      unmatched.push(message);
      continue;
    }
    const id = path.join('.');
    const entry = byField.get(id) ?? { name: path, errors: [] };
    entry.errors.push(message);
    byField.set(id, entry);
  }
  form.setFields([...byField.values()]);
  return [error.detail, ...unmatched].filter(Boolean).join('；');
}

/** State of a form submission: whether it runs, and the message to show above the form. */
export interface FormSubmit<T> {
  submitting: boolean;
  error: string | null;
  /** Pass to `<Form onFinish>`. */
  onFinish: (values: T) => Promise<void>;
  clearError: () => void;
}

/**
 * Runs `action` on submit, with a busy flag; a failure lands on the form's fields through
 * {@link applyApiError} and the remaining text in `error`.
 */
export function useFormSubmit<T>(form: FormInstance<T>, action: (values: T) => Promise<void>): FormSubmit<T> {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The busy spinner shows late (see `busy` in ui.tsx), so a double click must be caught here.
  const running = useRef(false);
  const onFinish = useCallback(
    async (values: T) => {
      if (running.current) return;
      running.current = true;
      setSubmitting(true);
      setError(null);
      try {
        await action(values);
      } catch (err) {
        setError(applyApiError(form, err));
      } finally {
        running.current = false;
        setSubmitting(false);
      }
    },
    [form, action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { submitting, error, onFinish, clearError };
}
