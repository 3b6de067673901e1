// The UMD bundle has the same API as the package entry; only its ambient typings are not a module.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
