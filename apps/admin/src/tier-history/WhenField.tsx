import { useLocaleState } from 'react-admin';

/** A moment in the console's language, to the second. */
export function WhenField({ at }: { at: string }) {
  const [locale] = useLocaleState();
  const date = new Date(at);
  return (
    <time dateTime={at} title={at}>
      {date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' })}
    </time>
  );
}
