// The whole suite: every project's jest.config.js. `npm test` runs this through scripts/run.js,
// which first finds or starts PostgreSQL and Redis.
const fs = require('fs');
const path = require('path');
const projects = [];
for (const group of ['apps', 'libs']) {
  const dir = path.join(__dirname, group);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).sort()) {
    const cfg = path.join(dir, name, 'jest.config.js');
    if (fs.existsSync(cfg)) projects.push(cfg);
  }
}
module.exports = { projects };
