/** A "Page 23" or "Page 5 of 15" footer found in converted text. */
export interface PageMarker {
  /** Offset of the marker in the text. */
  index: number;
  end: number;
  page: number;
  of: number | null;
}

/**
 * Finds page footers: a line that is only "Page N" / "Page N of M", or one that starts a line and
 * interrupts a sentence or table row ("Page 25\tCFT-02 ...").
 */
export function findPageMarkers(text: string): PageMarker[] {
  const out: PageMarker[] = [];
  const re = /^[ \t]*(?:-\s*)?Page\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?(?=[ \t]*$|\t)/gim;
  for (const m of text.matchAll(re)) {
    out.push({ index: m.index, end: m.index + m[0].length, page: Number(m[1]), of: m[2] ? Number(m[2]) : null });
  }
  return out;
}

/** Approximate characters on one page of a committee paper; a footer further away than this says nothing. */
const MAX_PAGE_CHARS = 4500;

/**
 * The page an offset lies on, from the footers around it: the next footer ends the page the offset is on,
 * provided it is close enough (or the previous footer is the page before). Null when the text does not say.
 */
export function pageAt(markers: readonly PageMarker[], offset: number, partStart = 0): number | null {
  let next: PageMarker | undefined;
  let prev: PageMarker | undefined;
  for (const m of markers) {
    if (m.index >= offset) {
      next = m;
      break;
    }
    prev = m;
  }
  if (!next) return null;
  const contiguous = prev !== undefined && prev.index >= partStart && prev.page === next.page - 1 && prev.of === next.of;
  if (contiguous || next.index - offset <= MAX_PAGE_CHARS) return next.page;
  return null;
}
