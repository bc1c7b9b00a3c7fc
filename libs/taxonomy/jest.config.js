module.exports = { ...require('../../jest.preset.js'), displayName: 'taxonomy', rootDir: __dirname };
