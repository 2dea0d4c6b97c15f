// Meteor: a method's or a publication's arguments are whatever the client sends (EJSON: objects too).
import { Meteor } from 'meteor/meteor';
import { check, Match } from 'meteor/check';
import { execSync, execFileSync } from 'child_process';
import { Mongo } from 'meteor/mongo';

const Tasks = new Mongo.Collection('tasks');

Meteor.methods({
  async 'tasks.search'(filter) {
    // ruleid: js.nosqli.query-object
    return Tasks.find(Object.assign({ archived: false }, filter)).fetchAsync();
  },

  async 'tasks.remove'(taskId) {
    // ruleid: js.nosqli.query-object
    return Tasks.removeAsync({ _id: taskId });
  },

  async 'tasks.setDone'(taskId, done) {
    check(taskId, String);
    check(done, Boolean);
    // ok: js.nosqli.query-object
    return Tasks.updateAsync({ _id: taskId }, { $set: { done } });
  },

  'tasks.exportCsv'(listName) {
    check(listName, String);
    // A string still breaks out of the double quotes.
    // ruleid: js.cmdi.child-process
    return execSync(`export --list "${listName}"`).toString();
  },

  'tasks.exportCsvSafe'(listName) {
    check(listName, String);
    // ok: js.cmdi.child-process
    return execFileSync('/opt/export', ['--list', listName]).toString();
  },

  'tasks.tail'(lines) {
    check(lines, Match.Integer);
    // ok: js.cmdi.child-process
    return execSync(`tail -n ${lines} /var/log/tasks.log`).toString();
  },
});

Meteor.publish('tasks.filtered', function (selector) {
  // ruleid: js.nosqli.query-object
  return Tasks.find(selector);
});

Meteor.publish('tasks.byLabel', function (label) {
  check(label, String);
  // ok: js.nosqli.query-object
  return Tasks.find({ label });
});
