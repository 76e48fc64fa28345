/**
 * Accessible form controls for the portal's application pages: every control has a visible
 * label, its error beside it (aria-describedby, aria-invalid), and keeps what was typed.
 */
import { html, type SafeHtml } from '../../../../http/html.ts';

/** What a re-rendered form shows: the values typed and the errors per field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (): FormState => ({ values: {}, errors: {} });

function errorOf(state: FormState, name: string): SafeHtml | '' {
  const e = state.errors[name];
  return e ? html`<p class="field-error" id="${name}-error"><span class="visually-hidden">错误：</span>${e}</p>` : '';
}

function described(state: FormState, name: string, hint?: string): string {
  return [hint ? `${name}-hint` : '', state.errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
}

/** A text input (or textarea when `rows` is given). */
export function textField(
  state: FormState,
  f: {
    name: string;
    label: string;
    required?: boolean;
    hint?: string;
    type?: string;
    rows?: number;
    maxlength?: number;
    autocomplete?: string;
    inputmode?: string;
  },
): SafeHtml {
  const value = state.values[f.name] ?? '';
  const invalid = state.errors[f.name] ? 'true' : 'false';
  const by = described(state, f.name, f.hint);
  const control = f.rows
    ? html`<textarea id="${f.name}" name="${f.name}" rows="${f.rows}" ${f.maxlength ? html`maxlength="${f.maxlength}"` : ''} aria-invalid="${invalid}" ${f.required ? html`required aria-required="true"` : ''} ${by ? html`aria-describedby="${by}"` : ''}>${value}</textarea>`
    : html`<input id="${f.name}" name="${f.name}" type="${f.type ?? 'text'}" value="${value}" maxlength="${f.maxlength ?? 200}" aria-invalid="${invalid}" ${f.autocomplete ? html`autocomplete="${f.autocomplete}"` : ''} ${f.inputmode ? html`inputmode="${f.inputmode}"` : ''} ${f.required ? html`required aria-required="true"` : ''} ${by ? html`aria-describedby="${by}"` : ''}>`;
  return html`<div class="field${state.errors[f.name] ? ' has-error' : ''}">
<label for="${f.name}">${f.label}${f.required ? html`<span class="req" aria-hidden="true">*</span>` : ''}</label>
${f.hint ? html`<p class="hint" id="${f.name}-hint">${f.hint}</p>` : ''}
${errorOf(state, f.name)}
${control}
</div>`;
}

/** A group of radio buttons in a fieldset with a legend. */
export function radioField(
  state: FormState,
  f: { name: string; legend: string; options: Array<[string, string]>; hint?: string },
): SafeHtml {
  const value = state.values[f.name] ?? '';
  const by = described(state, f.name, f.hint);
  return html`<fieldset class="field${state.errors[f.name] ? ' has-error' : ''}" ${by ? html`aria-describedby="${by}"` : ''}>
<legend>${f.legend}<span class="req" aria-hidden="true">*</span></legend>
${f.hint ? html`<p class="hint" id="${f.name}-hint">${f.hint}</p>` : ''}
${errorOf(state, f.name)}
<div class="choices">${f.options.map(([v, label]) => html`<label class="choice"><input type="radio" name="${f.name}" value="${v}" ${value === v ? 'checked' : ''} required> ${label}</label>`)}</div>
</fieldset>`;
}

/** A select. */
export function selectField(
  state: FormState,
  f: { name: string; label: string; options: Array<[string, string]>; hint?: string },
): SafeHtml {
  const value = state.values[f.name] ?? '';
  const by = described(state, f.name, f.hint);
  return html`<div class="field${state.errors[f.name] ? ' has-error' : ''}">
<label for="${f.name}">${f.label}<span class="req" aria-hidden="true">*</span></label>
${f.hint ? html`<p class="hint" id="${f.name}-hint">${f.hint}</p>` : ''}
${errorOf(state, f.name)}
<select id="${f.name}" name="${f.name}" aria-invalid="${state.errors[f.name] ? 'true' : 'false'}" required ${by ? html`aria-describedby="${by}"` : ''}>
<option value="">请选择</option>
${f.options.map(([v, label]) => html`<option value="${v}" ${value === v ? 'selected' : ''}>${label}</option>`)}
</select>
</div>`;
}

/** The list of problems at the top, each linking to its field (focus moves there on load via the heading). */
export function errorSummary(state: FormState, labels: Record<string, string>): SafeHtml | '' {
  const entries = Object.entries(state.errors);
  if (entries.length === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">提交的内容有${entries.length}处需要修改</h2>
<ul>${entries.map(([k, v]) => html`<li><a href="#${k}">${labels[k] ?? ''}${labels[k] ? '：' : ''}${v}</a></li>`)}</ul>
</div>`;
}
