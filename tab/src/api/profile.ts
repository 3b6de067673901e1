// The signed-in employee and the dev sign-in: the kernel's contract, shared with the server.
export * from '../../../bot/src/kernel/http/tab-api.js';
