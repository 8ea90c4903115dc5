import { journeyStatus } from './journey-status';
import { DESIGN, simulate, simulateChallenge } from './test/simulate';
import { NORTHSHIRE, TODAY, timeline, type ActionStep, type ChallengeStep } from './scenario';

const { sources, recommendations, actions, challenges, agencies } = NORTHSHIRE;
const t = timeline(new Date('2026-11-26T12:00:00Z'));
const ordered = (days: number[]) => days.every((day, index) => index === 0 || day >= days[index - 1]!);
const instantsOf = (first: number, steps: readonly (ActionStep | ChallengeStep)[]) =>
  [first, ...steps.map((s) => s.day)].map((day, seq) => t.instant(day, seq));

describe('the Northshire demo scenario', () => {
  it('has one partnership with the statutory partners and the other agency kinds', () => {
    expect(NORTHSHIRE.partnership.name).toBe('Northshire Safeguarding Children Partnership');
    expect(NORTHSHIRE.partnership.localAuthorities).toEqual(['Northshire County Council']);
    const kinds = agencies.map((agency) => agency.kind);
    for (const kind of ['local-authority', 'police', 'education', 'probation', 'voluntary']) expect(kinds).toContain(kind);
    expect(kinds.filter((kind) => kind === 'health')).toHaveLength(2);
  });

  it('covers a rapid review, an LCSPR, an audit, a JTAI, a section 11 cycle and a staff survey', () => {
    const kinds = sources.map((source) => source.kind);
    for (const kind of ['rapid-review', 'lcspr', 'multi-agency-audit', 'inspection', 'section-11', 'feedback'])
      expect(kinds).toContain(kind);
    expect(sources.find((source) => source.kind === 'inspection')?.title).toContain('JTAI');
    expect(sources.flatMap((s) => s.findings).filter((f) => f.goodPractice)).not.toHaveLength(0);
  });

  it('meets the volumes: 15+ recommendations, 40+ actions, 6+ challenges', () => {
    expect(recommendations.length).toBeGreaterThanOrEqual(15);
    expect(actions.length).toBeGreaterThanOrEqual(40);
    expect(challenges.length).toBeGreaterThanOrEqual(6);
  });

  it('uses only the enumeration values of DESIGN §5', () => {
    agencies.forEach((agency) => expect(DESIGN.agencyKinds).toContain(agency.kind));
    sources.forEach((source) => expect(DESIGN.sourceKinds).toContain(source.kind));
    sources
      .flatMap((s) => s.findings)
      .forEach((finding) => {
        finding.enablers.forEach((enabler) => expect(DESIGN.enablers).toContain(enabler));
        finding.themes.forEach((theme) => expect(theme).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/));
        expect(finding.enablers.length).toBeGreaterThan(0);
      });
    recommendations.forEach((rec) => {
      expect(DESIGN.scopes).toContain(rec.scope);
      expect(DESIGN.decisions).toContain(rec.response.decision);
    });
    const steps = actions.flatMap((a) => a.journey);
    steps.forEach((step) => {
      if (step.do === 'progress') expect(DESIGN.rags).toContain(step.rag);
      if (step.do === 'evidence') expect(DESIGN.evidenceKinds).toContain(step.kind);
    });
    challenges.flatMap((c) => c.steps).forEach((step) => step.do === 'escalate' && expect(DESIGN.levels).toContain(step.level));
  });

  it('answers recommendations mostly accepted, some in part or not, always with a reason', () => {
    const decisions = recommendations.map((rec) => rec.response.decision);
    expect(decisions.filter((d) => d === 'accepted').length).toBeGreaterThan(recommendations.length / 2);
    expect(decisions).toContain('partially-accepted');
    expect(decisions).toContain('not-accepted');
    recommendations.forEach((rec) => expect(rec.response.reason.trim()).not.toBe(''));
  });

  it('has unique keys and references that resolve', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(sources.map((s) => s.key));
    unique(recommendations.map((r) => r.key));
    unique(actions.map((a) => a.key));
    unique(challenges.map((c) => c.key));
    const agencyKeys = agencies.map((a) => a.key);
    for (const rec of recommendations) {
      const source = sources.find((s) => s.key === rec.source)!;
      expect(source).toBeDefined();
      rec.findings.forEach((key) => expect(source.findings.map((f) => f.key)).toContain(key));
      rec.addressees.forEach((key) => expect(agencyKeys).toContain(key));
    }
    for (const action of actions) {
      expect(agencyKeys).toContain(action.lead);
      action.recommendations.forEach((key) =>
        expect(recommendations.find((r) => r.key === key)?.response.decision).not.toBe('not-accepted'),
      );
    }
    for (const rec of recommendations.filter((r) => r.response.decision !== 'not-accepted')) {
      expect(actions.some((a) => a.recommendations.includes(rec.key))).toBe(true);
    }
    challenges.forEach((c) => expect(agencyKeys).toContain(c.to));
  });
});

describe('the action journeys', () => {
  const finals = () => actions.map((action) => ({ action, ...simulate(action) }));

  it('are legal and, between them, end in every action status', () => {
    expect(new Set(finals().map((f) => f.status))).toEqual(new Set(DESIGN.actionStatuses));
  });

  it('agree with the loader’s status table', () => {
    finals().forEach(({ action, status }) => expect(journeyStatus(action.journey)).toBe(status));
  });

  it('carry RAG updates, impact evidence, slipped dates and overdue actions', () => {
    const steps = actions.flatMap((a) => a.journey);
    expect(new Set(steps.flatMap((s) => (s.do === 'progress' ? [s.rag] : []))).size).toBeGreaterThanOrEqual(3);
    expect(steps.filter((s) => s.do === 'evidence' && s.describesImpact).length).toBeGreaterThanOrEqual(10);
    expect(actions.filter((a) => a.journey.some((s) => s.do === 'revise-target')).length).toBeGreaterThanOrEqual(5);
    const overdue = finals().filter(
      (f) => ['agreed', 'in-progress', 'paused', 'completion-claimed'].includes(f.status) && f.target < TODAY,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    for (const kind of ['return-completion', 'record-impact-not-demonstrated', 'reopen', 'resume'])
      expect(steps.map((s) => s.do)).toContain(kind);
  });

  it('name a successor that was proposed before it superseded', () => {
    for (const action of actions) {
      for (const step of action.journey) {
        if (step.do !== 'supersede') continue;
        const successor = actions.find((a) => a.key === step.successor)!;
        expect(successor.key).not.toBe(action.key);
        expect(successor.day).toBeLessThan(step.day);
      }
    }
  });
});

describe('the challenge log', () => {
  it('ends in varied states, with one escalated from delegated to lead partner', () => {
    const states = challenges.map((c) => simulateChallenge(c.steps));
    expect(new Set(states).size).toBeGreaterThanOrEqual(5);
    const escalations = challenges.map((c) => c.steps.flatMap((s) => (s.do === 'escalate' ? [s.level] : [])));
    expect(escalations).toContainEqual(['delegated-partner', 'lead-partner']);
  });

  it('links some challenges to actions that already existed', () => {
    const links = challenges.flatMap((c) => c.steps.flatMap((s) => (s.do === 'link-action' ? [s] : [])));
    expect(links.length).toBeGreaterThanOrEqual(3);
    links.forEach((link) => expect(actions.find((a) => a.key === link.action)!.day).toBeLessThan(link.day));
    challenges.forEach((c) => expect(c.responseDueDay).toBeGreaterThanOrEqual(c.day));
  });
});

describe('the timeline', () => {
  const itemTimes = [
    ...sources.map((s) => [s.day, ...s.findings.map((f) => f.day)].map((day, seq) => t.instant(day, seq))),
    ...recommendations.map((r) => [t.instant(r.day, 0), t.instant(r.response.day, 1)]),
    ...actions.map((a) => instantsOf(a.day, a.journey)),
    ...challenges.map((c) => instantsOf(c.day, c.steps)),
  ];
  const allDays = [
    NORTHSHIRE.partnership.day,
    ...sources.flatMap((s) => [s.day, ...s.findings.map((f) => f.day)]),
    ...recommendations.flatMap((r) => [r.day, r.response.day]),
    ...actions.flatMap((a) => [a.day, ...a.journey.map((s) => s.day)]),
    ...challenges.flatMap((c) => [c.day, ...c.steps.map((s) => s.day)]),
  ];

  it('moves forward within every item', () => {
    itemTimes.forEach((times) => expect(times).toEqual([...times].sort()));
    actions.forEach((a) => expect(ordered([a.day, ...a.journey.map((s) => s.day)])).toBe(true));
  });

  it('spans at least seventeen months and ends before now', () => {
    expect(Math.max(...allDays) - Math.min(...allDays)).toBeGreaterThanOrEqual(17 * 30.4);
    expect(Math.min(...allDays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...allDays)).toBeLessThan(TODAY);
    expect(t.instant(Math.max(...allDays), 30) < '2026-11-26T00:00:00Z').toBe(true);
  });

  it('runs finding → recommendation → response → action', () => {
    for (const rec of recommendations) {
      const source = sources.find((s) => s.key === rec.source)!;
      rec.findings.forEach((key) => expect(source.findings.find((f) => f.key === key)!.day).toBeLessThan(rec.day));
      expect(rec.response.day).toBeGreaterThan(rec.day);
    }
    for (const action of actions) {
      action.recommendations.forEach((key) => expect(recommendations.find((r) => r.key === key)!.response.day).toBeLessThan(action.day));
    }
  });
});

describe('personal data', () => {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(NORTHSHIRE);

  it.each([
    ['a date of birth', /\b(born|d\.?o\.?b\.?|date of birth|birthday)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/i],
    ['an NHS-number-like 10-digit string', /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/],
    ['a postcode', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i],
    ['an email address or phone number', /@[a-z]|\b0\d{3,4}[ -]?\d{6,7}\b/i],
  ])('contains nothing that looks like %s', (_what, pattern) => {
    expect(strings.length).toBeGreaterThan(500);
    expect(strings.filter((text) => pattern.test(text))).toEqual([]);
  });

  it('names owners by role title, never by person', () => {
    const role = /\b(Head|Manager|Lead|Nurse|Doctor|GP|Worker|Superintendent|Inspector|Officer)\b/;
    actions.forEach((action) => expect(action.owner).toMatch(role));
  });
});
