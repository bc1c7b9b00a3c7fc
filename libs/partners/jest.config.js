module.exports = { ...require('../../jest.preset.js'), displayName: 'partners', rootDir: __dirname };
