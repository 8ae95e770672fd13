// The framed call page's script (scripts/embed-plugin.mjs serves it as /harness.js, before the
// bundle): it records every `lk-error` and CSP violation from the first moment, and answers the
// framing test page over postMessage, since a cross-origin page cannot read the frame's DOM.
//
//   parent → frame   { id, command: 'state' | 'click', selector? }
//   frame → parent   { id, result } or { id, error }
/* global document, window, navigator, customElements, addEventListener */
(() => {
  const errors = [];
  const violations = [];
  document.addEventListener('lk-error', (event) => errors.push({ code: event.detail.code, message: event.detail.message }));
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
  );

  const policy = document.permissionsPolicy ?? document.featurePolicy;
  // What the Permissions API says in this frame (for the engines without a policy API).
  const permissions = {};
  const devices = {};
  navigator.mediaDevices?.enumerateDevices().then((list) => {
    for (const device of list) devices[device.kind] = (devices[device.kind] ?? 0) + 1;
  });
  for (const name of ['camera', 'microphone']) {
    navigator.permissions?.query({ name }).then(
      (status) => (permissions[name] = status.state),
      (err) => (permissions[name] = `error: ${err?.message ?? err}`),
    );
  }

  function control(element) {
    const button = element.shadowRoot?.querySelector('button');
    const describedBy = button?.getAttribute('aria-describedby');
    const description = describedBy ? element.shadowRoot.getElementById(describedBy)?.textContent?.trim() : undefined;
    return { tag: element.localName, disabled: !!button?.disabled, title: button?.getAttribute('title') ?? undefined, description };
  }

  function state() {
    const lkRoom = document.querySelector('lk-room, lk-conference');
    const prejoin = document.querySelector('lk-prejoin')?.shadowRoot;
    const room = lkRoom?.livekitRoom;
    const remote = room
      ? [...room.remoteParticipants.values()].flatMap((participant) =>
          [...participant.trackPublications.values()].map((publication) => ({
            identity: participant.identity,
            source: publication.source,
            subscribed: publication.isSubscribed,
            videoWidth: publication.track?.attachedElements.find((el) => el.localName === 'video')?.videoWidth ?? 0,
          })),
        )
      : [];
    return {
      defined: !!customElements.get('lk-room'),
      connectionState: lkRoom?.getAttribute('connection-state') ?? undefined,
      identity: room?.localParticipant.identity,
      published: room ? [...room.localParticipant.trackPublications.values()].map((publication) => publication.source) : [],
      remote,
      errors,
      violations,
      permissions,
      devices,
      prejoinLevel: prejoin?.querySelector('[part=level]')?.getAttribute('aria-valuenow') ?? undefined,
      prejoin: prejoin && {
        camera: { disabled: prejoin.querySelector('[part=camera-button]').disabled, title: prejoin.querySelector('[part=camera-button]').getAttribute('title') ?? undefined },
        microphone: { disabled: prejoin.querySelector('[part=microphone-button]').disabled, title: prejoin.querySelector('[part=microphone-button]').getAttribute('title') ?? undefined },
        notice: prejoin.querySelector('[part=notice]').textContent.replace(/\s+/g, ' ').trim(),
        previewing: !!prejoin.querySelector('video')?.srcObject,
      },
      // The page's own controls, and the ones inside an <lk-conference>.
      controls: [document, document.querySelector('lk-conference')?.shadowRoot]
        .filter(Boolean)
        .flatMap((root) => [...root.querySelectorAll('lk-camera-toggle, lk-microphone-toggle, lk-screenshare')])
        .map(control),
      policy: policy ? ['camera', 'microphone', 'display-capture', 'autoplay'].filter((feature) => !policy.allowsFeature(feature)) : undefined,
    };
  }

  addEventListener('message', (event) => {
    if (event.source !== window.parent || typeof event.data?.id !== 'number') return;
    const { id, command, selector } = event.data;
    try {
      let result;
      if (command === 'state') result = state();
      else if (command === 'click') {
        const button = document.querySelector(selector)?.shadowRoot?.querySelector('button');
        if (!button) throw new Error(`no button in ${selector}`);
        button.click();
        result = true;
      } else throw new Error(`unknown command ${command}`);
      event.source.postMessage({ id, result }, '*');
    } catch (err) {
      event.source.postMessage({ id, error: String(err?.message ?? err) }, '*');
    }
  });
})();
