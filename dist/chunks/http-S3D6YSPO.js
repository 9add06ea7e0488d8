#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import{a,b,c,d,e,f,g,h}from"./chunk-CBVNTQUD.js";import"./chunk-BXLY5G7J.js";export{a as DEFAULT_HTTP,b as HttpClient,e as bodyExcerpt,f as credentialValues,d as displayUrl,h as parseJsonBody,g as responseError,c as retryAfterMs};
