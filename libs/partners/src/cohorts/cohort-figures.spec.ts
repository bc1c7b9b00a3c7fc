import fc from 'fast-check';
import {
  PublishedCount,
  suppressNested,
  suppressSmallNumbers,
  HIDDEN_LABEL,
} from '../suppression/small-number-suppression';
import { cohortFigures, countedMembers, FUNNEL_STAGES, funnelTable, MemberFacts } from './cohort-figures';

const STAGES = FUNNEL_STAGES.length;
const T0 = Date.UTC(2027, 0, 1);

/** A member's facts; everything follows from their furthest stage and two bootcamp coin flips. */
function member(
  n: number,
  p: { furthest: number; monitored: boolean; staffLinked?: boolean; boot?: number; promised?: boolean },
): MemberFacts {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    joinedAt: new Date(T0 + n * 60_000),
    monitored: p.monitored,
    staffLinked: p.staffLinked ?? false,
    furthest: p.furthest,
    bootcampStarted: (p.boot ?? 0) >= 1,
    bootcampCompleted: (p.boot ?? 0) >= 2,
    positiveOutcome: p.furthest >= 6,
    interviewPromised: p.promised ?? false,
  };
}

const stage = fc.integer({ min: 0, max: STAGES - 1 });
const genuine = fc.array(
  fc.record({
    furthest: stage,
    monitored: fc.boolean(),
    boot: fc.integer({ min: 0, max: 2 }),
    promised: fc.boolean(),
  }),
  { maxLength: 24 },
);
const consenting = fc.array(
  fc.record({ furthest: stage, monitored: fc.constant(true), boot: fc.integer({ min: 0, max: 2 }) }),
  { maxLength: 12 },
);
const puppets = fc.array(fc.record({ furthest: stage, boot: fc.integer({ min: 0, max: 2 }) }), {
  minLength: 5,
  maxLength: 10,
});

/** What the partner reads. */
type View = ReturnType<typeof cohortFigures>;
const view = (members: MemberFacts[]): View => cohortFigures(members);

/**
 * The dashboard as it was published before issue 13: every member counted (sock puppets too) the
 * moment they joined, exact figures, zeros shown. Kept here to show the attacks below succeed on it.
 */
function legacyView(members: MemberFacts[]): unknown {
  const out = suppressSmallNumbers(funnelTable(members));
  const boot = suppressNested([
    { key: '0', count: members.filter((m) => m.bootcampStarted).length },
    { key: '1', count: members.filter((m) => m.bootcampCompleted).length },
  ]);
  return [...out, ...boot].map(([k, v]: [string, PublishedCount]) => [k, v.value, v.suppressed]);
}

describe('cohort figures against an adversarial partnership (issue 13)', () => {
  it('never publishes a figure from 1 to 4, a zero beside a hidden figure, or an unrounded one; hidden says so', () => {
    fc.assert(
      fc.property(genuine, (g) => {
        const v = view(g.map((p, i) => member(i, p)));
        const all = [
          ...v.funnel.map((f) => f.count),
          ...v.journey.links.map((l) => l.count),
          ...v.bootcamp.map((b) => b.count),
          v.interviews.promised,
          v.interviews.recorded,
        ];
        for (const c of all) {
          if (c.suppressed)
            expect(c).toEqual({ value: null, suppressed: true, rounded: false, label: HIDDEN_LABEL });
          else {
            expect(c.value! % 5).toBe(0);
            expect(c.label).toBe(String(c.value));
          }
        }
        const funnelHides =
          v.funnel.some((f) => f.count.suppressed) || v.journey.links.some((l) => l.count.suppressed);
        if (funnelHides) {
          for (const c of [...v.funnel.map((f) => f.count), ...v.journey.links.map((l) => l.count)])
            expect(c.value).not.toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sock puppets: the partnership’s own accounts change nothing it reads', () => {
    fc.assert(
      fc.property(genuine, puppets, (g, ps) => {
        const real = g.map((p, i) => member(i, p));
        const fakes = ps.map((p, j) => member(100 + j, { ...p, monitored: true, staffLinked: true }));
        expect(view([...real, ...fakes])).toEqual(view(real));
      }),
      { numRuns: 100 },
    );
  });

  it('sock puppets: with one non-consenting member, five (or more) fakes and any consenting members, the member’s stage cannot be read', () => {
    fc.assert(
      fc.property(consenting, puppets, stage, fc.nat(12), (cs, ps, s, position) => {
        const dashboardWith = (targetStage: number) => {
          const others = cs.map((p, i) => member(i < position ? i : i + 1, p));
          const target = member(Math.min(position, cs.length), { furthest: targetStage, monitored: false });
          const fakes = ps.map((p, j) => member(100 + j, { ...p, monitored: true, staffLinked: true }));
          return view([...others, target, ...fakes]);
        };
        const seen = dashboardWith(s);
        // Every stage the member could be at gives the partner exactly the same dashboard.
        for (let other = 0; other < STAGES; other++) expect(dashboardWith(other)).toEqual(seen);
      }),
      { numRuns: 150 },
    );
  });

  it('time differencing: one person joining changes nothing, or arrives together with at least four others', () => {
    fc.assert(
      fc.property(genuine, stage, fc.boolean(), (g, s, monitored) => {
        const before = g.map((p, i) => member(i, p));
        const joiner = (st: number) => member(1000, { furthest: st, monitored });
        const counted = countedMembers([...before, joiner(s)]);
        if (!counted.some((m) => m.userId === joiner(s).userId)) {
          // Not counted yet: the dashboard is what it was, whatever the newcomer's stage.
          for (let other = 0; other < STAGES; other++)
            expect(view([...before, joiner(other)])).toEqual(view(before));
        } else {
          // Counted in an intake: with at least four other people the partner could not tell apart.
          const newlyCounted = counted.length - countedMembers(before).length;
          expect(newlyCounted).toBeGreaterThanOrEqual(5);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the same attacks succeed on the figures as published before (so these tests can fail)', () => {
    // Sock puppets: one non-consenting member and five fakes at known stages.
    const sockPuppet = fc.check(
      fc.property(stage, stage, (s, t) => {
        fc.pre(s !== t);
        const fakes = Array.from({ length: 5 }, (_, j) => member(100 + j, { furthest: 0, monitored: false }));
        const a = legacyView([member(0, { furthest: s, monitored: false }), ...fakes]);
        const b = legacyView([member(0, { furthest: t, monitored: false }), ...fakes]);
        expect(a).toEqual(b);
      }),
      { numRuns: 100 },
    );
    expect(sockPuppet.failed).toBe(true);
    // Time differencing: compare the dashboard before and after one person joins.
    const differencing = fc.check(
      fc.property(genuine, stage, stage, (g, s, t) => {
        fc.pre(s !== t);
        const before = g.map((p, i) => member(i, p));
        expect(legacyView([...before, member(1000, { furthest: s, monitored: false })])).toEqual(
          legacyView([...before, member(1000, { furthest: t, monitored: false })]),
        );
      }),
      { numRuns: 200 },
    );
    expect(differencing.failed).toBe(true);
  });
});
