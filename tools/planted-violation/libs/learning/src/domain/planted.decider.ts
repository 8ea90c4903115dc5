// A deliberate boundary violation. `npm run deps:validate` must see dependency-cruiser reject it;
// if this file were ever accepted, the boundary rules would have stopped biting.
import { DataSource } from 'typeorm';
import { PartnershipQueries } from '../../../../../../libs/partnership/src';

export const planted = [DataSource, PartnershipQueries];
