#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import{c as a,d as b}from"./chunk-5ZGZ5ZPE.js";import"./chunk-HS4XG3OU.js";import"./chunk-7DG4JX7F.js";export{a as readFileAt,b as sameText};
