import { actionConditions } from './action-filters';

describe('actionConditions', () => {
  const now = new Date('2025-07-01T10:00:00Z');

  it('adds nothing without filters', () => {
    const params: unknown[] = ['pid'];
    expect(actionConditions('a', {}, now, params)).toEqual([]);
    expect(params).toEqual(['pid']);
  });

  it('numbers parameters after the ones already there', () => {
    const params: unknown[] = ['pid'];
    const conditions = actionConditions('a', { status: 'in-progress', agencyId: 'ag', recommendationId: 'rec' }, now, params);
    expect(conditions).toEqual(['a.status = $2', 'a.lead_agency_id = $3', 'a.recommendation_ids @> ARRAY[$4]::text[]']);
    expect(params).toEqual(['pid', 'in-progress', 'ag', 'rec']);
  });

  it('filters overdue by today in England and the statuses before completion verified', () => {
    const params: unknown[] = ['pid'];
    expect(actionConditions('a', { overdue: true }, now, params)).toEqual(['(a.target_date < $2 AND a.status = ANY($3::text[]))']);
    expect(params).toEqual(['pid', '2025-07-01', ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed']]);
  });

  it('negates the overdue condition for overdue=false', () => {
    expect(actionConditions('x', { overdue: false }, now, [])).toEqual(['NOT (x.target_date < $1 AND x.status = ANY($2::text[]))']);
  });
});
