import { m } from './timeline';
import type { AgencySpec, Scenario } from './types';

/** A fictional partnership: no real place, body or person is named. */
export const PARTNERSHIP: Scenario['partnership'] = {
  name: 'Northshire Safeguarding Children Partnership',
  localAuthorities: ['Northshire County Council'],
  day: m(0, 1),
};

export const AGENCIES: readonly AgencySpec[] = [
  { key: 'council', name: "Northshire County Council (Children's Services)", kind: 'local-authority' },
  { key: 'police', name: 'Northshire Constabulary', kind: 'police' },
  { key: 'icb', name: 'NHS Northshire Integrated Care Board', kind: 'health' },
  { key: 'trust', name: 'Northshire Hospitals and Community NHS Foundation Trust', kind: 'health' },
  { key: 'schools', name: 'Northshire Schools and Colleges (Education Safeguarding Service)', kind: 'education' },
  { key: 'probation', name: 'Probation Service, Northshire Probation Delivery Unit', kind: 'probation' },
  { key: 'vcs', name: 'Northshire Voluntary and Community Sector Alliance', kind: 'voluntary' },
  { key: 'da-service', name: 'Northshire Domestic Abuse Support Service', kind: 'voluntary' },
];
