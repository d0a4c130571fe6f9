/**
 * A small host for a BUILT PCF control bundle (standard field or dataset control), used by the
 * browser tests because pcf-start's harness cannot switch languages. Serve this folder and the
 * control's build output (bundle.js, ControlManifest.xml, strings/, css/) at the same root, open
 * index.html, then call from the test (page.evaluate):
 *
 *   await window.crmkitHost.mount({
 *     lcid: 1049,                    // userSettings.languageId; picks strings/<Control>.<lcid>.resx (else 1033)
 *     userId, userName,              // userSettings
 *     decimalSeparator: ',',         // userSettings.numberFormattingInfo.numberDecimalSeparator (none if absent)
 *     width: 640,                    // container width in px and mode.allocatedWidth
 *     disabled: false,               // mode.isControlDisabled
 *     parameters: {                  // by manifest property name
 *       responses: { raw: '…', security: { readable: true, editable: true, secured: false },
 *                    attributes: { MaxLength: 100000 } },
 *     },
 *     applyOutputs: true,            // like a form: after notifyOutputChanged, getOutputs() values
 *   });                              // become the bound parameters' raw values and updateView runs
 *   // → { renderMs, paintMs }: init + first updateView, and until the next frame was painted
 *
 * window.crmkitHost also offers: outputs (last getOutputs()), notifyCount, strings (resx in use),
 * setParameter(name, raw), setWidth(px), setDisabled(bool), update().
 * mount() also takes contextInfo: { entityTypeName, entityId } (mode.contextInfo); a page.addInitScript
 * defining window.crmkitHostWebApi = { retrieveRecord(type, id, options) → Promise, … } gives the
 * control context.webAPI (else null). Or window.crmkitHostStore = an in-browser record store with
 * webApiFor(user) and metadataFor(user) (test/support/pcf/activity-store.ts, bundled): the control
 * gets the Web API and getEntityMetadata of the mounted user ({ id: userId, name: userName, lcid }).
 * setContextInfo(info) changes mode.contextInfo and runs updateView (a new record being saved).
 * Dataset controls: define window.crmkitHostParameter = (name, spec, host) => parameterObject in a
 * page.addInitScript to build a DataSet mock from plain data; its result is used as the parameter.
 */
(function () {
  'use strict';

  function text(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('host: cannot load ' + url + ' (' + r.status + ')');
      return r.text();
    });
  }

  function parseXml(source, what) {
    var doc = new DOMParser().parseFromString(source, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('host: ' + what + ' is not well-formed XML');
    return doc;
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.onload = resolve;
      s.onerror = function () {
        reject(new Error('host: cannot load ' + url));
      };
      document.head.appendChild(s);
    });
  }

  var registered = {};
  window.ComponentFramework = {
    registerControl: function (name, ctor) {
      registered[name] = ctor;
    },
  };

  function property(name, spec) {
    var s = spec || {};
    var custom = window.crmkitHostParameter && window.crmkitHostParameter(name, s, host);
    if (custom) return custom;
    return {
      raw: s.raw === undefined ? null : s.raw,
      formatted: s.formatted,
      error: false,
      errorMessage: '',
      type: s.type || '',
      security: s.security,
      attributes: s.attributes,
    };
  }

  var host = {
    outputs: {},
    notifyCount: 0,
    strings: {},
    control: null,
    context: null,
    options: null,

    mount: function (options) {
      var o = options || {};
      host.options = o;
      var lcid = o.lcid || 1033;
      var container = document.getElementById('host-control');
      var manifest;
      return text('ControlManifest.xml')
        .then(function (xml) {
          manifest = parseXml(xml, 'ControlManifest.xml');
          var resx = Array.prototype.map.call(manifest.querySelectorAll('resources > resx'), function (r) {
            return r.getAttribute('path');
          });
          var path =
            resx.find(function (p) {
              return p.endsWith('.' + lcid + '.resx');
            }) ||
            resx.find(function (p) {
              return p.endsWith('.1033.resx');
            });
          return path ? text(path) : '<root/>';
        })
        .then(function (resxText) {
          var resx = parseXml(resxText, 'resx');
          Array.prototype.forEach.call(resx.querySelectorAll('data'), function (d) {
            var value = d.querySelector('value');
            host.strings[d.getAttribute('name')] = value ? value.textContent : '';
          });
          var control = manifest.querySelector('control');
          var label = document.getElementById('host-field-label');
          var displayKey = control.getAttribute('display-name-key');
          label.textContent = host.strings[displayKey] || displayKey;
          return loadScript('bundle.js').then(function () {
            return control.getAttribute('namespace') + '.' + control.getAttribute('constructor');
          });
        })
        .then(function (fullName) {
          var Ctor = registered[fullName];
          if (!Ctor) throw new Error('host: the bundle did not register ' + fullName);
          var width = o.width || 640;
          container.style.width = width + 'px';
          var parameters = {};
          Array.prototype.forEach.call(
            manifest.querySelectorAll('control > property, control > data-set'),
            function (p) {
              var name = p.getAttribute('name');
              parameters[name] = property(name, (o.parameters || {})[name]);
            },
          );
          host.context = {
            parameters: parameters,
            updatedProperties: [],
            mode: {
              allocatedWidth: width,
              allocatedHeight: -1,
              isControlDisabled: !!o.disabled,
              isVisible: true,
              label: document.getElementById('host-field-label').textContent,
              trackContainerResize: function () {},
              setControlState: function () {
                return true;
              },
              setFullScreen: function () {},
              contextInfo: o.contextInfo, // { entityTypeName, entityId } of the shown record, if any
            },
            userSettings: {
              languageId: lcid,
              userId: o.userId || '{00000000-0000-0000-0000-0000000000a1}',
              userName: o.userName || 'Anna Petrova',
              isRTL: false,
              securityRoles: [],
              getTimeZoneOffsetMinutes: function () {
                return o.timeZoneOffsetMinutes || 0;
              },
              numberFormattingInfo: o.decimalSeparator
                ? { numberDecimalSeparator: o.decimalSeparator }
                : undefined,
            },
            resources: {
              getString: function (key) {
                return Object.prototype.hasOwnProperty.call(host.strings, key) ? host.strings[key] : key;
              },
              getResource: function (_id, _ok, fail) {
                fail();
              },
            },
            client: {
              getFormFactor: function () {
                return 1;
              },
              getClient: function () {
                return 'Web';
              },
              isOffline: function () {
                return false;
              },
            },
            formatting: {},
            utils: window.crmkitHostUtils || {}, // define it in an init script to offer getEntityMetadata
            webAPI: window.crmkitHostWebApi || null, // define it in an init script to offer a Web API
          };
          var store = window.crmkitHostStore;
          if (store) {
            var user = {
              id: host.context.userSettings.userId,
              name: host.context.userSettings.userName,
              lcid: lcid,
            };
            host.context.webAPI = window.crmkitHostWebApi || store.webApiFor(user);
            host.context.utils = window.crmkitHostUtils || { getEntityMetadata: store.metadataFor(user) };
          }
          var ctl = new Ctor();
          host.control = ctl;
          var notify = function () {
            host.notifyCount++;
            host.outputs = ctl.getOutputs ? ctl.getOutputs() : {};
            if (o.applyOutputs !== false) {
              Object.keys(host.outputs).forEach(function (k) {
                if (parameters[k]) parameters[k].raw = host.outputs[k] === undefined ? null : host.outputs[k];
              });
              setTimeout(host.update, 0);
            }
          };
          var start = performance.now();
          ctl.init(host.context, notify, {}, container);
          ctl.updateView(host.context);
          var renderMs = performance.now() - start;
          return new Promise(function (resolve) {
            requestAnimationFrame(function () {
              setTimeout(function () {
                resolve({ renderMs: renderMs, paintMs: performance.now() - start });
              }, 0);
            });
          });
        });
    },

    update: function () {
      if (host.control) host.control.updateView(host.context);
    },
    setParameter: function (name, raw) {
      host.context.parameters[name].raw = raw;
      host.update();
    },
    setWidth: function (px) {
      document.getElementById('host-control').style.width = px + 'px';
      host.context.mode.allocatedWidth = px;
      host.update();
    },
    setContextInfo: function (info) {
      host.context.mode.contextInfo = info;
      host.update();
    },
    setDisabled: function (disabled) {
      host.context.mode.isControlDisabled = disabled;
      host.update();
    },
  };
  window.crmkitHost = host;
})();
