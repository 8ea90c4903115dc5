/** Marks something recorded after it happened: the explanation is both the tooltip and the accessible name. */
export function BackdatedBadge({ explanation }: { readonly explanation: string }) {
  return (
    <span className="badge badge-backdated" title={explanation} aria-label={`Back-dated: ${explanation}`} role="img">
      back-dated
    </span>
  );
}
