import { useId, type ReactNode } from 'react';

/** A part of a screen under its h2, a region named by it (so keyboard and screen-reader users can jump to it); the h1 is the Page's. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A form under its h3, named by it (a landmark of its own). */
export function NamedForm({ title, onSubmit, children }: { title: string; onSubmit: () => void; children: ReactNode }) {
  const id = useId();
  return (
    <form
      className="form"
      aria-labelledby={id}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={id}>{title}</h3>
      {children}
    </form>
  );
}

/** What a write achieved, announced politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="alert alert-ok">
      {children}
    </p>
  );
}
