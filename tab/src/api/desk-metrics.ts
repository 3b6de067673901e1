export * from '../../../bot/src/features/consultation/desk-metrics-api.js';
