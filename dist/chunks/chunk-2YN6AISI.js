#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
var i=class extends Error{constructor(n,e){super(n);this.status=e;this.name="SourceError"}status};function a(r){let t=[...new Set(r)].filter(e=>e.length>=3).sort((e,s)=>s.length-e.length);if(t.length===0)return e=>e;let n=new RegExp(t.map(g).join("|"),"g");return e=>e.replace(n,"***")}function g(r){return r.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}export{i as a,a as b};
