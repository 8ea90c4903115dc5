import { DomainRuleViolation, type FieldError } from '@ledger/event-sourcing';

/** A rule about one body field; `errors` names the field for the problem+json response. */
abstract class FieldRuleViolation extends DomainRuleViolation {
  override readonly errors: readonly FieldError[];
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors = [{ field, message }];
  }
}

export class NameRequired extends FieldRuleViolation {
  readonly code = 'name-required';
  constructor() {
    super('name', 'a name is required');
  }
}

export class LocalAuthoritiesRequired extends FieldRuleViolation {
  readonly code = 'local-authorities-required';
  constructor() {
    super('localAuthorities', 'at least one local authority, each with a name, is required');
  }
}

export class LocalAuthorityDuplicated extends FieldRuleViolation {
  readonly code = 'local-authority-duplicated';
  constructor(readonly localAuthority: string) {
    super('localAuthorities', `${localAuthority} is listed more than once`);
  }
}

export class AgencyNameTaken extends FieldRuleViolation {
  readonly code = 'agency-name-taken';
  constructor(readonly agencyName: string) {
    super('name', `the partnership already has an agency called ${agencyName}`);
  }
}

export class AgencyAlreadyAdded extends FieldRuleViolation {
  readonly code = 'agency-already-added';
  constructor(readonly agencyId: string) {
    super('agencyId', `agency ${agencyId} is already in the partnership`);
  }
}

export class SubgroupNameTaken extends FieldRuleViolation {
  readonly code = 'subgroup-name-taken';
  constructor(readonly subgroupName: string) {
    super('name', `the partnership already has a subgroup called ${subgroupName}`);
  }
}

export class SubgroupAlreadyEstablished extends FieldRuleViolation {
  readonly code = 'subgroup-already-established';
  constructor(readonly subgroupId: string) {
    super('subgroupId', `subgroup ${subgroupId} is already established`);
  }
}

export class ThemesRequired extends FieldRuleViolation {
  readonly code = 'themes-required';
  constructor() {
    super('themes', 'at least one theme, each with a name, is required');
  }
}

export class ThemeDuplicated extends FieldRuleViolation {
  readonly code = 'theme-duplicated';
  constructor(readonly theme: string) {
    super('themes', `${theme} is listed more than once`);
  }
}
