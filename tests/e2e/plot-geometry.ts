// Geometry of a drawn plot in the browser, for tests that check that one part does not hide
// another (jsdom has no layout, so these run in Chromium).

/**
 * What the legend of the plot in `host` covers: each data mark (a point's marks, an exact value)
 * whose box meets the legend's box, as "class@data-n", and "x axis" when the legend reaches
 * above the x axis into the plot area. Empty when the legend covers nothing; throws when the
 * plot has no legend or no marks, so the check cannot pass on an empty plot.
 */
export function legendCovers({ host }: { host: string }): string[] {
  const svg = document.querySelector(`${host} svg`);
  const legend = svg?.querySelector('.legend-box');
  if (!svg || !legend) throw new Error(`no legend in ${host}`);
  const box = legend.getBoundingClientRect();
  const meets = (other: DOMRect) => other.left < box.right && other.right > box.left && other.top < box.bottom && other.bottom > box.top;
  const marks = [...svg.querySelectorAll<SVGGraphicsElement>('.points .point, .exact-points .mark')];
  if (marks.length === 0) throw new Error(`no marks in ${host}`);
  const covered = marks
    .filter((mark) => meets(mark.getBoundingClientRect()))
    .map((mark) => `${mark.getAttribute('class')}@${mark.closest('[data-n]')?.getAttribute('data-n') ?? mark.querySelector('title')?.textContent}`);
  const axis = svg.querySelector('.axis.x .domain')?.getBoundingClientRect();
  if (axis && box.top < axis.bottom) covered.push('x axis');
  return covered;
}
