module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  // Browser code (src/**/*.tsx) is built by Vite, not run by Jest; Jest runs the Node-side tests.
  testMatch: [
    '<rootDir>/scripts/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
};
