import { useEffect, useRef, type InputHTMLAttributes } from "react";

/** A native checkbox that can show the "some selected" state (set only through the DOM). */
export function Checkbox({
  indeterminate,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = Boolean(indeterminate);
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="accent-primary size-4"
      {...props}
    />
  );
}
