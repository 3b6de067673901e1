export * from './localized-text.js';
export * from './job-levels.js';
export * from './skills.js';
export * from './mindsets.js';
export * from './outcomes.js';
export * from './courses.js';
export * from './survey-indicators.js';
export * from './benchmark-rule.js';
