export * from './application/ports';
export * from './action.index';
export * from './source.index';
export * from './contracts';
