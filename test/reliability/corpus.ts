/**
 * Seed texts and edit fragments for the reliability and property tests, one entry per supported language.
 * The seeds hold the kind of code the rule packs look at (request data reaching a query, a shell, eval; a
 * credential assigned in code) so that random edits create, break and repair findings, not just whitespace.
 * Fake credentials are generated from a fixed seed in their documented shape; none is a real key.
 */

/** A deterministic PRNG (mulberry32), so every run builds the same fakes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomFrom(charset: string, length: number, rnd: () => number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += charset[Math.floor(rnd() * charset.length)];
  return s;
}

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${B62}+/`;

const rnd = prng(0x5eed);
/** Fake values in the documented shapes of common credentials (random, never real). */
export const FAKES = {
  awsKeyId: `AKIA${randomFrom(UPPER_DIGITS, 16, rnd)}`,
  awsSecret: randomFrom(B64, 40, rnd),
  stripeLive: `sk_live_${randomFrom(B62, 24, rnd)}`,
  slackBot: `xoxb-${randomFrom('0123456789', 11, rnd)}-${randomFrom('0123456789', 13, rnd)}-${randomFrom(B62, 24, rnd)}`,
  password: `Zq${randomFrom(B62, 18, rnd)}!`,
  pemBody: Array.from({ length: 6 }, () => randomFrom(B64, 64, rnd)).join('\n'),
};

export interface LanguageCase {
  languageId: string;
  /** File name (the extension picks the grammar when the language id does not). */
  file: string;
  seed: string;
  /** Language-specific pieces that random edits insert: tokens that open/close syntax and rule triggers. */
  fragments: string[];
}

/** Pieces any language gets: brackets and quotes that break syntax, line breaks of every kind, multi-byte text. */
export const COMMON_FRAGMENTS = ['(', ')', '{', '}', '[', ']', '"', "'", '`', ';', ':', ' ', '    ', '\n', '\r\n', '\r', '😀', '中文', 'é', 'e\u0301', '\t', '#', '//', '/*', '*/', '='];

export const LANGUAGES: LanguageCase[] = [
  {
    languageId: 'javascript',
    file: 'app.js',
    seed: [
      "const express = require('express');",
      "const { exec } = require('child_process');",
      'const app = express();',
      `const AWS_KEY = "${FAKES.awsKeyId}";`,
      "app.get('/u', async (req, res) => {",
      '  const id = req.query.id;',
      '  const rows = await db.query("SELECT * FROM users WHERE id = " + id);',
      '  exec(`ls ${req.body.dir}`);',
      '  res.send(eval(req.params.code));',
      '});',
      '',
    ].join('\n'),
    fragments: ['req.query.x', 'req.body', ' + ', 'db.query(', 'eval(', 'exec(', '"SELECT * FROM t WHERE a = " + ', `"${FAKES.stripeLive}"`, '${', 'function (', '=> {', 'const '],
  },
  {
    languageId: 'typescript',
    file: 'api.ts',
    seed: [
      "import { Request, Response } from 'express';",
      "import * as cp from 'node:child_process';",
      `const token: string = '${FAKES.slackBot}';`,
      'export function handler(req: Request, res: Response): void {',
      '  const name = req.query.name as string;',
      '  cp.execSync("convert " + name);',
      '  res.send(`<p>${name}</p>`);',
      '}',
      '',
    ].join('\n'),
    fragments: ['req.query.x as string', ': string', '<T>', ' + ', 'cp.exec(', 'interface A {', `'${FAKES.awsKeyId}'`, 'as any', '?.'],
  },
  {
    languageId: 'typescriptreact',
    file: 'view.tsx',
    seed: [
      "import React from 'react';",
      'export function View({ html }: { html: string }) {',
      '  const q = new URLSearchParams(location.search).get("q");',
      '  return <div dangerouslySetInnerHTML={{ __html: q ?? html }} />;',
      '}',
      '',
    ].join('\n'),
    fragments: ['<div>', '</div>', '{', '}', '/>', 'location.hash', 'dangerouslySetInnerHTML={{ __html: ', '<>', '</>'],
  },
  {
    languageId: 'python',
    file: 'views.py',
    seed: [
      'import os',
      'import subprocess',
      'from flask import Flask, request',
      '',
      'app = Flask(__name__)',
      `AWS_SECRET_ACCESS_KEY = "${FAKES.awsSecret}"`,
      '',
      '@app.route("/run")',
      'def run():',
      '    cmd = request.args.get("cmd")',
      '    if cmd:',
      '        os.system("echo " + cmd)',
      '        cursor.execute("SELECT * FROM t WHERE n = \'%s\'" % cmd)',
      '    return subprocess.check_output(cmd, shell=True)',
      '',
    ].join('\n'),
    fragments: ['request.args["x"]', 'request.form.get("y")', '    ', '\n    ', ':\n        ', 'def f(', 'os.system(', ' + ', 'f"{', '"""', `password = "${FAKES.password}"`],
  },
  {
    languageId: 'java',
    file: 'Dao.java',
    seed: [
      'import javax.servlet.http.HttpServletRequest;',
      'import java.sql.*;',
      'public class Dao {',
      `  private static final String PASSWORD = "${FAKES.password}";`,
      '  public ResultSet find(HttpServletRequest req, Connection c) throws SQLException {',
      '    String id = req.getParameter("id");',
      '    Statement st = c.createStatement();',
      '    return st.executeQuery("SELECT * FROM t WHERE id = " + id);',
      '  }',
      '}',
      '',
    ].join('\n'),
    fragments: ['req.getParameter("x")', 'Runtime.getRuntime().exec(', ' + ', 'String s = ', 'public void m() {', '@Override', '<String>'],
  },
  {
    languageId: 'go',
    file: 'main.go',
    seed: [
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      '\t"net/http"',
      '\t"os/exec"',
      ')',
      '',
      `const stripeKey = "${FAKES.stripeLive}"`,
      '',
      'func handler(db *sql.DB) http.HandlerFunc {',
      '\treturn func(w http.ResponseWriter, r *http.Request) {',
      '\t\tid := r.URL.Query().Get("id")',
      '\t\tdb.Query("SELECT * FROM t WHERE id = " + id)',
      '\t\texec.Command("sh", "-c", id).Run()',
      '\t}',
      '}',
      '',
    ].join('\n'),
    fragments: ['r.FormValue("x")', ':= ', ' + ', 'func() {', 'exec.Command(', 'db.Exec(', '`raw', 'err != nil'],
  },
  {
    languageId: 'json',
    file: 'config.json',
    seed: `{\n  "aws": { "accessKeyId": "${FAKES.awsKeyId}", "secretAccessKey": "${FAKES.awsSecret}" },\n  "name": "demo",\n  "list": [1, 2, 3]\n}\n`,
    fragments: ['"key": ', ',', '{"a": [', ']}', 'null', `"${FAKES.stripeLive}"`],
  },
  {
    languageId: 'shellscript',
    file: 'deploy.sh',
    seed: `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${FAKES.awsKeyId}\nexport SLACK_TOKEN="${FAKES.slackBot}"\nif [ -n "$1" ]; then\n  eval "$1"\nfi\n`,
    fragments: ['$(', ')', 'if [ ', ' ]; then\n', 'fi\n', '"$@"', '<<EOF\n', 'EOF\n', 'export X='],
  },
  {
    languageId: 'dotenv',
    file: '.env',
    seed: `AWS_ACCESS_KEY_ID=${FAKES.awsKeyId}\nAWS_SECRET_ACCESS_KEY=${FAKES.awsSecret}\nSTRIPE_KEY=${FAKES.stripeLive}\nDB_PASSWORD=${FAKES.password}\n`,
    fragments: ['KEY=', 'export ', '"', '#', `PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n${FAKES.pemBody}\n-----END RSA PRIVATE KEY-----"\n`],
  },
  {
    languageId: 'yaml',
    file: 'deploy.yml',
    seed: [
      'services:',
      '  api:',
      '    environment:',
      `      SLACK_TOKEN: ${FAKES.slackBot}`,
      `      AWS_ACCESS_KEY_ID: "${FAKES.awsKeyId}"`,
      '    key: |',
      '      -----BEGIN RSA PRIVATE KEY-----',
      ...FAKES.pemBody.split('\n').map((l) => `      ${l}`),
      '      -----END RSA PRIVATE KEY-----',
      '',
    ].join('\n'),
    fragments: ['  ', '- ', ': ', '|\n', '-----BEGIN RSA PRIVATE KEY-----', '-----END RSA PRIVATE KEY-----', 'password: '],
  },
  {
    languageId: 'terraform',
    file: 'main.tf',
    seed: [
      'provider "aws" {',
      '  region     = "eu-west-1"',
      `  access_key = "${FAKES.awsKeyId}"`,
      `  secret_key = "${FAKES.awsSecret}"`,
      '}',
      '',
      'resource "aws_security_group" "ssh" {',
      '  ingress {',
      '    from_port   = 22',
      '    to_port     = 22',
      '    protocol    = "tcp"',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '}',
      '',
      'resource "aws_db_instance" "db" {',
      `  password            = "${FAKES.password}"`,
      '  publicly_accessible = true',
      '  storage_encrypted   = false',
      '  tags = { Name = "db-${var.env}" }',
      '}',
      '',
    ].join('\n'),
    fragments: ['resource "aws_s3_bucket" "b" {\n', '  acl = "public-read"\n', ' = ', '<<EOT\n', 'EOT\n', '0.0.0.0/0', 'true', 'false', '${var.x}', 'jsonencode(', 'dynamic "ingress" {\n'],
  },
];
