#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g,h}from"./chunk-IKJDD7DX.js";import"./chunk-2YN6AISI.js";import"./chunk-7DG4JX7F.js";export{a as DEFAULT_HTTP,b as HttpClient,e as bodyExcerpt,f as credentialValues,d as displayUrl,h as parseJsonBody,g as responseError,c as retryAfterMs};
