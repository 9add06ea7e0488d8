#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g}from"./chunk-YDA4IRD2.js";import"./chunk-APKWKZTY.js";import"./chunk-5GO7CHUG.js";import"./chunk-7DG4JX7F.js";export{a as HttpClient,d as bodyExcerpt,e as credentialValues,c as displayUrl,g as parseJsonBody,f as responseError,b as retryAfterMs};
