import type { Field, SelectOption } from './controls';
import { element, uniqueId } from './dom';

/**
 * Native radio buttons in a fieldset: arrow keys move between them and screen
 * readers announce them as radios (the library's radio is a checkbox inside).
 */
export function radioGroup(label: string, options: SelectOption[], onChange: (value: string) => void): Field<string> {
  const name = uniqueId('radio');
  const inputs = options.map((option) => {
    const radio = element('input', { attributes: { type: 'radio', name, value: option.value } });
    radio.addEventListener('change', () => {
      if (radio.checked) onChange(option.value);
    });
    return radio;
  });
  const labelled = inputs.map((radio, index) => element('label', { className: 'radio' }, [radio, options[index].text]));
  return {
    element: element('fieldset', { className: 'field radio-group' }, [element('legend', { className: 'field-label', text: label }), ...labelled]),
    set(value) {
      for (const input of inputs) input.checked = input.value === value;
    },
  };
}
