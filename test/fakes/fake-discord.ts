// Entry point of the fake Discord (REST + gateway double); the parts live in ./discord/.
export * from './discord/index.js';
