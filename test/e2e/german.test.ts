import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';
import { en } from '../../src/core/i18n.js';
import { uniqueRoom, waitFor } from '../helpers.js';
import { visibleTexts } from '../languages.js';

describe('e2e: a page in German', () => {
  it('label attributes replace every visible label of a connected conference, pre-join and controls', async () => {
    localStorage.removeItem('lk-user-choices');
    const page = await fixture<HTMLDivElement>(html`<div lang="de" style="width: 1100px; height: 700px; display: grid; grid-template-rows: auto 1fr">
      <lk-prejoin room="konferenz" no-persist camera-label="Kamera" microphone-label="Mikrofon" name-label="Dein Name" join-label="Beitreten"
        level-label="Mikrofonpegel" camera-unavailable-label="Die Kamera ist nicht verfügbar." microphone-unavailable-label="Das Mikrofon ist nicht verfügbar."></lk-prejoin>
      <lk-conference id="konferenz" token-endpoint="/api/token" room-name=${uniqueRoom()} participant-identity="ute" chat-label="Chat öffnen" controls-label="Steuerung" chat-open>
        <lk-participants slot="participants" layout="focus">
          <template>
            <lk-participant-tile mic-muted-label="Mikrofon stumm" screen-share-label="Bildschirmfreigabe" pin-label="Anheften">
              <lk-connection-quality slot="connection-quality" excellent-label="Sehr gute Verbindung" good-label="Gute Verbindung"
                poor-label="Schlechte Verbindung" lost-label="Verbindung verloren" unknown-label="Verbindungsqualität unbekannt"></lk-connection-quality>
            </lk-participant-tile>
          </template>
        </lk-participants>
        <lk-chat slot="chat" heading="Nachrichten" placeholder="Nachricht eingeben…" input-label="Nachricht" send-label="Senden" edited-label="bearbeitet"
          disconnected-message="Nicht verbunden: deine Nachricht wurde nicht gesendet." not-allowed-message="Du darfst hier keine Nachrichten senden."
          send-failed-message="Deine Nachricht konnte nicht gesendet werden."></lk-chat>
        <div slot="control-bar" role="toolbar" aria-label="Steuerung">
          <lk-microphone-toggle label="Mikrofon"></lk-microphone-toggle>
          <lk-device-select kind="audioinput" label="Mikrofon wählen"></lk-device-select>
          <lk-camera-toggle label="Kamera"></lk-camera-toggle>
          <lk-device-select kind="videoinput" label="Kamera wählen"></lk-device-select>
          <lk-screenshare label="Bildschirm teilen"></lk-screenshare>
          <lk-leave-button label="Verlassen"></lk-leave-button>
        </div>
        <lk-connection-state slot="notice" disconnected-label="Getrennt" connecting-label="Verbinde…" connected-label="Verbunden" reconnecting-label="Verbinde erneut…"></lk-connection-state>
        <lk-start-audio slot="start-audio" label="Ton einschalten"></lk-start-audio>
      </lk-conference>
    </div>`);
    const conference = page.querySelector<LkConference>('lk-conference')!;
    const prejoin = page.querySelector('lk-prejoin')!;

    // The kit's English default texts (src/core/i18n.ts); the page's labels are all German.
    const english = Object.values(en).filter((text) => text !== 'Chat');
    expect(english).to.include.members(['Join', 'Messages', 'Send', 'Disconnected', 'Connected']);
    const noEnglish = () => {
      const shown = visibleTexts(page);
      return english.filter((label) => shown.some((text) => text === label));
    };

    await waitFor(() => visibleTexts(page).includes('Beitreten'), 'the pre-join in German');
    expect(noEnglish()).to.deep.equal([]);
    expect(visibleTexts(page)).to.include.members(['Kamera', 'Mikrofon', 'Dein Name', 'Getrennt']);

    prejoin.shadowRoot!.querySelector<HTMLButtonElement>('[part=join-button]')!.click();
    await waitFor(() => conference.connectionState === 'connected', 'connected');
    await waitFor(() => visibleTexts(page).includes('Verbunden'), 'connected, in German');
    const shown = visibleTexts(page);
    expect(shown).to.include.members(['Nachrichten', 'Senden', 'Verlassen', 'Bildschirm teilen', 'Mikrofon stumm']);
    expect(noEnglish()).to.deep.equal([]);
    await conference.leave();
  });
});
