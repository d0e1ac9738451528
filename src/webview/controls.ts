import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { element, uniqueId } from './dom';

/**
 * Labelled form controls. Buttons, checkboxes and text fields are VS Code's own
 * look (@vscode-elements); selects and the slider are native elements styled
 * with the theme's variables (the library's select would double the bundle).
 */

export interface Field<T> {
  /** The label and the control, to place in the page. */
  element: HTMLElement;
  /** Shows a value from the state without firing the control's handler; skipped while the user is typing in it. */
  set(value: T): void;
}

export interface NumberFieldOptions {
  label: string;
  min?: number;
  max?: number;
  step?: number;
  onChange: (value: number) => void;
}

/** A number text field; values that are not numbers of at least `min` are marked invalid and not passed on. */
export function numberField(options: NumberFieldOptions): Field<number> {
  const id = uniqueId('number');
  const input = document.createElement('vscode-textfield');
  input.id = id;
  input.type = 'number';
  input.label = options.label;
  if (options.min !== undefined) input.min = options.min;
  if (options.max !== undefined) input.max = options.max;
  if (options.step !== undefined) input.setAttribute('step', String(options.step));
  input.addEventListener('input', () => {
    const value = input.value.trim() === '' ? Number.NaN : Number(input.value);
    const valid = Number.isFinite(value) && value >= (options.min ?? 0) && (options.max === undefined || value <= options.max);
    input.invalid = !valid;
    if (valid) options.onChange(value);
  });
  const wrapper = element('div', { className: 'field' }, [element('label', { text: options.label, attributes: { for: id } }), input]);
  return {
    element: wrapper,
    set(value) {
      if (wrapper.contains(document.activeElement) || Number(input.value) === value) return;
      input.value = String(value);
      input.invalid = false;
    },
  };
}

export function textField(label: string, onChange: (value: string) => void): Field<string> {
  const id = uniqueId('text');
  const input = document.createElement('vscode-textfield');
  input.id = id;
  input.label = label;
  input.addEventListener('input', () => onChange(input.value));
  return {
    element: element('div', { className: 'field' }, [element('label', { text: label, attributes: { for: id } }), input]),
    set(value) {
      if (input.value !== value) input.value = value;
    },
  };
}

export interface SelectOption {
  value: string;
  text: string;
}

/** A native select whose options can be replaced while keeping the chosen value. */
export function selectField(label: string, onChange: (value: string) => void): Field<string> & { setOptions(options: SelectOption[]): void; select: HTMLSelectElement } {
  const id = uniqueId('select');
  const select = element('select', { attributes: { id } });
  select.addEventListener('change', () => onChange(select.value));
  return {
    element: element('div', { className: 'field' }, [element('label', { text: label, attributes: { for: id } }), select]),
    select,
    setOptions(options) {
      const chosen = select.value;
      select.replaceChildren(...options.map((option) => element('option', { text: option.text, attributes: { value: option.value } })));
      if (options.some((option) => option.value === chosen)) select.value = chosen;
    },
    set(value) {
      select.value = value;
    },
  };
}

export function checkbox(label: string, onChange: (checked: boolean) => void): Field<boolean> {
  const box: VscodeCheckbox = document.createElement('vscode-checkbox');
  box.label = label;
  box.addEventListener('change', () => onChange(box.checked));
  return {
    element: box,
    set(value) {
      box.checked = value;
    },
  };
}

export function button(label: string, onClick: () => void, options: { secondary?: boolean } = {}): VscodeButton {
  const created = document.createElement('vscode-button');
  created.textContent = label;
  created.secondary = options.secondary ?? false;
  created.addEventListener('click', () => {
    if (!created.disabled) onClick();
  });
  return created;
}
