module.exports = { ...require('../../jest.preset.js'), displayName: 'demo-region', rootDir: __dirname };
