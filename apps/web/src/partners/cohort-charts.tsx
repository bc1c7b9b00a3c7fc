import { sankey, type SankeyGraph, sankeyLeft, sankeyLinkHorizontal } from 'd3-sankey';
import { useEffect, useState } from 'react';
import type { CohortDashboardQuery, CountFragment } from '../gql/generated';

type Dashboard = CohortDashboardQuery['cohortDashboard'];

/** A count as text, with suppressed cells said plainly rather than hidden. */
export function countText(c: CountFragment): string {
  return c.suppressed || c.value == null ? 'fewer than 5' : String(c.value);
}

export function Funnel({ funnel }: { funnel: Dashboard['funnel'] }) {
  const max = Math.max(1, ...funnel.map((f) => f.count.value ?? 0));
  return (
    <ol className="funnel">
      {funnel.map((f) => (
        <li key={f.stage} className="funnel__row">
          <span className="funnel__label">{f.stage}</span>
          <span className="funnel__bar-wrap" aria-hidden="true">
            <span
              className={`funnel__bar${f.count.suppressed ? ' funnel__bar--suppressed' : ''}`}
              style={{
                width: `${f.count.suppressed ? 4 : Math.max(2, ((f.count.value ?? 0) / max) * 100)}%`,
              }}
            />
          </span>
          <span className={`funnel__value${f.count.suppressed ? ' suppressed' : ''}`}>
            {countText(f.count)}
          </span>
        </li>
      ))}
    </ol>
  );
}

interface SNode {
  name: string;
}
interface SLink {
  source: number;
  target: number;
  value: number;
  suppressed: boolean;
  label: string;
}

/** Whether a media query matches now, following changes (a phone turned sideways). */
function useMediaQuery(query: string): boolean {
  const get = () => typeof window !== 'undefined' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Wide enough for the diagram's labels at a readable size; narrower screens get the table. */
export const SANKEY_MIN_WIDTH = '40em';
const STOPPED = 'Stopped after: ';
const LABEL_LANE = 44; // two staggered rows of stage names above the flows
const STOPPED_LANE = 24; // "Stopped" under the stopped nodes, below every flow

/**
 * The collective journey. On a wide screen, a Sankey diagram (SVG) whose labels sit in lanes above
 * and below the flows (stage names, staggered so neighbours never touch; "Stopped" under the nodes
 * of people who stopped), so no label covers a flow; the same flows as a table for screen readers.
 * On a phone the diagram would be a few pixels tall: the table is shown instead.
 */
export function JourneySankey({ journey }: { journey: Dashboard['journey'] }) {
  const wide = useMediaQuery(`(min-width: ${SANKEY_MIN_WIDTH})`);
  const table = <JourneyTable journey={journey} />;
  if (!wide)
    return (
      <figure className="sankey sankey--table">
        <figcaption id="sankey-caption">
          How the cohort moves between stages. Counts of fewer than 5 people are not shown, to protect
          privacy. On a wider screen this is drawn as a diagram.
        </figcaption>
        {table}
      </figure>
    );
  return (
    <figure className="sankey">
      <SankeyDiagram journey={journey} />
      <figcaption id="sankey-caption">
        How the cohort moves between stages. Hatched bands are flows of fewer than 5 people, whose size is
        hidden to protect privacy.
      </figcaption>
      <details>
        <summary>The same flows as a table</summary>
        {table}
      </details>
    </figure>
  );
}

function SankeyDiagram({ journey }: { journey: Dashboard['journey'] }) {
  const width = 900;
  const height = 360 + LABEL_LANE + STOPPED_LANE;
  const index = new Map(journey.nodes.map((n, i) => [n, i]));
  const links: SLink[] = journey.links
    .filter((l) => index.has(l.source) && index.has(l.target) && l.source !== l.target)
    // A flow of nobody has no band; with only those (a new, empty cohort) there is nothing to draw.
    .filter((l) => l.count.suppressed || (l.count.value ?? 0) > 0)
    .map((l) => ({
      source: index.get(l.source)!,
      target: index.get(l.target)!,
      // A suppressed flow still gets a thin band, drawn hatched, so its existence is visible but not its size.
      value: l.count.suppressed || l.count.value == null ? 1 : l.count.value,
      suppressed: l.count.suppressed,
      label: `${l.source} to ${l.target}: ${countText(l.count)}`,
    }));
  let graph: SankeyGraph<SNode, SLink> | null = null;
  if (links.length) {
    try {
      graph = sankey<SNode, SLink>()
        .nodeWidth(14)
        .nodePadding(18)
        // Each "stopped" node in the column after its stage (not pushed to the far right, where its
        // flow would cross every other column), below the stage it follows.
        .nodeAlign(sankeyLeft)
        .nodeSort((a, b) => Number(a.name.startsWith(STOPPED)) - Number(b.name.startsWith(STOPPED)))
        .extent([
          [1, LABEL_LANE],
          [width - 1, height - STOPPED_LANE],
        ])({ nodes: journey.nodes.map((name) => ({ name })), links: links.map((l) => ({ ...l })) });
    } catch {
      graph = null; // a cycle in the data: the table still shows every flow
    }
  }
  if (!graph) return <p>Not enough movement yet to draw the journey.</p>;
  const path = sankeyLinkHorizontal();
  const stages = graph.nodes.filter((n) => !n.name.startsWith(STOPPED) && (n.value ?? 0) > 0);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-labelledby="sankey-caption">
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#d5dbe5" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#4a4f57" strokeWidth="2" />
        </pattern>
      </defs>
      <g fill="none" className="sankey__flows">
        {graph.links.map((l, i) => (
          <path
            key={i}
            d={path(l) ?? undefined}
            stroke={l.suppressed ? 'url(#hatch)' : '#0b3d91'}
            strokeOpacity={l.suppressed ? 1 : 0.35}
            strokeWidth={Math.max(1, l.width ?? 1)}
          >
            <title>{l.label}</title>
          </path>
        ))}
      </g>
      {graph.nodes
        .filter((n) => (n.value ?? 0) > 0)
        .map((n) => (
          <rect
            key={n.name}
            x={n.x0}
            y={n.y0}
            width={(n.x1 ?? 0) - (n.x0 ?? 0)}
            height={Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))}
            fill="#1b1b1f"
          >
            <title>{n.name}</title>
          </rect>
        ))}
      <g className="sankey__labels" fontSize="14" fill="#1b1b1f">
        {stages.map((n, i) => {
          const last = (n.x1 ?? 0) >= width - 2;
          return (
            <text
              key={n.name}
              x={last ? (n.x1 ?? 0) : (n.x0 ?? 0)}
              // Alternate rows: a long name never reaches the next stage's name.
              y={i % 2 === 0 ? 16 : 36}
              textAnchor={last ? 'end' : 'start'}
            >
              {n.name}
            </text>
          );
        })}
        {graph.nodes
          .filter((n) => n.name.startsWith(STOPPED) && (n.value ?? 0) > 0)
          .map((n) => {
            const last = (n.x1 ?? 0) >= width - 2;
            return (
              <text
                key={n.name}
                x={last ? (n.x1 ?? 0) : (n.x0 ?? 0)}
                y={height - 6}
                textAnchor={last ? 'end' : 'start'}
                fill="#4a4f57"
              >
                Stopped
              </text>
            );
          })}
      </g>
    </svg>
  );
}

function JourneyTable({ journey }: { journey: Dashboard['journey'] }) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label="Flows between stages (scrolls sideways)"
      tabIndex={0}
    >
      <table>
        <caption className="visually-hidden">How many people moved from each stage to the next</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="num">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {journey.links.map((l, i) => (
            <tr key={i}>
              <td>{l.source}</td>
              <td>{l.target}</td>
              <td className={`num${l.count.suppressed ? ' suppressed' : ''}`}>{countText(l.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DemandSupplyTable({ skills }: { skills: Dashboard['skills'] }) {
  const boroughs = [...new Set(skills.flatMap((s) => s.held.map((h) => h.borough)))].sort();
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label="Skills demand and supply by borough (scrolls sideways)"
      tabIndex={0}
    >
      <table>
        <caption className="visually-hidden">
          Skills demand from local vacancies against people holding or learning them, by borough
        </caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" className="num">
              Vacancies asking
            </th>
            <th scope="col" className="num">
              Cohort holding
            </th>
            <th scope="col" className="num">
              Cohort learning
            </th>
            {boroughs.map((b) => (
              <th scope="col" className="num" key={b}>
                Holding in {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.skill.id}>
              <th scope="row">{s.skill.label}</th>
              <td className="num">{s.demand}</td>
              <td className={`num${s.heldTotal.suppressed ? ' suppressed' : ''}`}>
                {countText(s.heldTotal)}
              </td>
              <td className={`num${s.learningTotal.suppressed ? ' suppressed' : ''}`}>
                {countText(s.learningTotal)}
              </td>
              {boroughs.map((b) => {
                const c = s.held.find((h) => h.borough === b)?.count;
                return (
                  <td key={b} className={`num${c?.suppressed ? ' suppressed' : ''}`}>
                    {c ? countText(c) : '0'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
