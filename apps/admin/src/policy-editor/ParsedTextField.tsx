import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState } from 'react';

type ParsedTextFieldProps<T> = Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: T;
  onChange: (value: T) => void;
  parse: (text: string) => T;
  format: (value: T) => string;
};

/**
 * A text field for a typed value (a number, a list): the text stays as typed ("0.", "B, ") while the
 * parsed value goes to the draft; the text follows the value only when the value changes elsewhere.
 */
export function ParsedTextField<T>({ value, onChange, parse, format, ...props }: ParsedTextFieldProps<T>) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (JSON.stringify(parse(current)) === JSON.stringify(value) ? current : format(value)));
    // parse and format are pure: only an outside change of the value matters here.
  }, [value]);
  return (
    <TextField
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

/** An optional number: empty text is undefined; text that is not a number stays text, for lint to report. */
export const parseOptionalNumber = (text: string): number | string | undefined => {
  if (text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
};
export function formatOptional(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

export const parseList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
export const formatList = (values: readonly unknown[] | undefined): string => (values ?? []).map(String).join(', ');
