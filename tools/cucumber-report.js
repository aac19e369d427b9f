// Turns a cucumber.json into HTML with cucumber-html-reporter, the way a CI job would:
// node tools/cucumber-report.js cucumber.json rapport-cucumber.html
const reporter = require('cucumber-html-reporter');
reporter.generate({
  theme: 'bootstrap', jsonFile: process.argv[2], output: process.argv[3],
  reportSuiteAsScenarios: true, launchReport: false, noInlineScreenshots: true, storeScreenshots: false,
});
