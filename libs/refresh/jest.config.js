module.exports = { ...require('../../jest.preset.js'), displayName: 'refresh', rootDir: __dirname };
