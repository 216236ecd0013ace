import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when the view changes, so screen-reader and keyboard users
 * land at the start of the new content, and sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Council alignment graph`;
    heading.current?.focus({ preventScroll: false });
  }, [title]);
  return (
    <h1 id="page-heading" ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
