#!/usr/bin/env node
import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);
var e=class extends Error{constructor(r,s){super(r);this.status=s;this.name="SourceError"}status};export{e as a};
