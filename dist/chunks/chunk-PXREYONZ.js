#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
import{e as n}from"./chunk-YDA4IRD2.js";function i(r){return Buffer.from(`${r.username}:${r.password}`).toString("base64")}function c(r){let e={...r.headers};return r.tenant&&(e["X-Scope-OrgID"]=r.tenant),r.bearer&&(e.Authorization=`Bearer ${r.bearer}`),r.basic&&(e.Authorization=`Basic ${i(r.basic)}`),e}function u(r){let{bearer:e,basic:t,headers:a}=r;return[e,t?.password,t&&i(t),...n(a)].filter(s=>!!s&&s.length>=3)}export{c as a,u as b};
