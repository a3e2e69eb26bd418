<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/controller.py" line="229"/>
        <source>The sync stopped unexpectedly ({0}). Your changes are kept; details are in the log file.</source>
        <translation>同期が予期せず止まりました（{0}）。変更は保持されています。詳細はログファイルにあります。</translation>
    </message>
    <message>
        <source>Synced, but the backup before it could not be made: {0}</source>
        <translation>同期しましたが、その前のバックアップを作成できませんでした: {0}</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="266"/>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="29"/>
        <source>The sync server cannot be reached. Your changes are kept and go at the next sync.</source>
        <translation>同期サーバーに接続できません。変更は保持され、次の同期で送られます。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="32"/>
        <source>The server refused the user name or password; check them in Sync settings.</source>
        <translation>サーバーがユーザー名またはパスワードを受け付けませんでした。同期の設定で確認してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="33"/>
        <source>The server refused the user name or password; correct them above and try again.</source>
        <translation>サーバーがユーザー名またはパスワードを受け付けませんでした。上の欄を直して、もう一度試してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="34"/>
        <source>No encrypted connection to the server could be made. Check that the server has TLS enabled, or ask its administrator; without TLS your password would travel in the clear.</source>
        <translation>サーバーとの暗号化された接続を確立できませんでした。サーバーで TLS が有効になっているか確かめるか、管理者に問い合わせてください。TLS がないと、パスワードが暗号化されずに送られます。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="36"/>
        <source>The server and this version of Effect Desktop do not fit together; nothing was lost.</source>
        <translation>サーバーとこのバージョンの Effect Desktop が対応していません。データは失われていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="39"/>
        <source>This profile belongs to another account on the server.</source>
        <translation>このプロファイルはサーバー上の別のアカウントのものです。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="62"/>
        <source>The server kept the sync waiting too long (another computer of this account may be sending many changes); nothing was lost. Sync again later.</source>
        <translation>サーバーでの待ち時間が長すぎたため同期を止めました（このアカウントの別のコンピューターが多くの変更を送っている途中かもしれません）。失われたものはありません。後でもう一度同期してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="41"/>
        <source>The connection dropped during the sync; what arrived is kept. Sync again.</source>
        <translation>同期中に接続が切れました。届いた分は保持されています。もう一度同期してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="65"/>
        <source>The server has no database of that name; check the database name at the end of the server URL (your administrator gave it with your account).</source>
        <translation>サーバーにその名前のデータベースがありません。サーバーの URL の末尾にあるデータベース名を確かめてください（アカウントと一緒に管理者から伝えられたものです）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="43"/>
        <source>The server address cannot be used as entered.</source>
        <translation>入力されたサーバーのアドレスは使えません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="45"/>
        <source>No password is stored for this server; enter it in Sync settings.</source>
        <translation>このサーバーのパスワードが保存されていません。同期の設定で入力してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="47"/>
        <source>The server refused the request.</source>
        <translation>サーバーが要求を拒否しました。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="48"/>
        <source>The sync failed; your changes are kept.</source>
        <translation>同期に失敗しました。変更は保持されています。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/messages.py" line="58"/>
        <source>{0} (Details: {1})</source>
        <translation>{0}（詳細: {1}）</translation>
    </message>
    <message>
        <source>The server is not prepared for Effect Desktop sync yet; its administrator prepares it with “server init”.</source>
        <translation>サーバーはまだ Effect Desktop の同期用に準備されていません。管理者が「server init」で準備します。</translation>
    </message>
    <message>
        <source>Something at the server's address took the connection but did not answer as a PostgreSQL server: check the port in the server URL (PostgreSQL's is usually 5432); if it is right, the server is not answering, try again later. Your changes are kept.</source>
        <translation>サーバーのアドレスで何かが接続を受け付けましたが、PostgreSQL サーバーとして応答しませんでした。サーバー URL のポートを確認してください（PostgreSQL は通常 5432）。ポートが正しい場合はサーバーが応答していません。しばらくしてからもう一度試してください。変更は保持されています。</translation>
    </message>
    <message>
        <source>The sync stopped as the app closed; what arrived is kept, and the next sync goes on from there.</source>
        <translation>アプリを閉じたため同期を途中で止めました。受け取った分は保存されています。次の同期はその続きから行います。</translation>
    </message>
</context>
<context>
    <name>SyncForm</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/form.py" line="32"/>
        <source>“{0}” is not the address of a PostgreSQL server; enter it as HOST:PORT/DATABASE, e.g. sync.example.org:5432/effect.</source>
        <translation>「{0}」は PostgreSQL サーバーのアドレスではありません。「ホスト:ポート/データベース」の形で入力してください（例: sync.example.org:5432/effect）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/form.py" line="39"/>
        <source>“{0}” names no database; add it after the server, e.g. {1}.</source>
        <translation>「{0}」にはデータベース名がありません。サーバーの後に付けてください（例: {1}）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/form.py" line="43"/>
        <source>“{0}” has the port {1}; a port is a number from 1 to 65535 (PostgreSQL&apos;s is usually 5432).</source>
        <translation>「{0}」のポート {1} は使えません。ポートは 1 から 65535 までの数です（PostgreSQL は通常 5432）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/form.py" line="47"/>
        <source>Enter the user name your administrator gave you.</source>
        <translation>管理者から受け取ったユーザー名を入力してください。</translation>
    </message>
</context>
<context>
    <name>SyncInstallation</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="68"/>
        <source>Sync &amp;now</source>
        <translation>今すぐ同期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="69"/>
        <source>Sync &amp;settings…</source>
        <translation>同期の設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="75"/>
        <location filename="../../effect_desktop/gui/sync/install.py" line="148"/>
        <source>S&amp;ync</source>
        <translation>同期(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="94"/>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="97"/>
        <source>Study offline on several computers and keep them in step through a sync server. Nothing is ever lost, and you are never asked which copy to keep.</source>
        <translation>複数のコンピューターでオフライン学習し、同期サーバーで揃えます。記録が失われることはなく、どちらのコピーを残すか尋ねられることもありません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/install.py" line="101"/>
        <source>&amp;Sync settings…</source>
        <translation>同期の設定(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="60"/>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="63"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="72"/>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="74"/>
        <source>Server URL:</source>
        <translation>サーバー URL:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="75"/>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="76"/>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="77"/>
        <source>Your administrator creates the account with “effect-desktop server add-user” and gives you these three.</source>
        <translation>アカウントは管理者が「effect-desktop server add-user」で作成し、この 3 つを知らせてくれます。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="91"/>
        <source>Sync when the app &amp;opens</source>
        <translation>アプリを開いたときに同期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="93"/>
        <source>Sync when the app &amp;closes (waits a few seconds at most)</source>
        <translation>アプリを閉じるときに同期(&amp;C)（待つのは数秒まで）</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="99"/>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="100"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="101"/>
        <source>Automatic sync</source>
        <translation>自動同期</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="105"/>
        <source>Sync every:</source>
        <translation>同期の間隔:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="124"/>
        <source>leave empty to keep the saved password</source>
        <translation>空欄なら保存済みのパスワードを使います</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="151"/>
        <source>Enter the server URL, e.g. postgresql://sync.example.org:5432/effect.</source>
        <translation>サーバー URL を入力してください（例: postgresql://sync.example.org:5432/effect）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="176"/>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="188"/>
        <source>Enter the password to test the connection.</source>
        <translation>接続をテストするにはパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="193"/>
        <source>The test failed unexpectedly: {0}</source>
        <translation>テストが予期せず失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="207"/>
        <source>Saved. The password saved before is used.</source>
        <translation>保存しました。以前保存したパスワードを使います。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="209"/>
        <source>Saved the server, but no password is known for it: enter the password and save again.</source>
        <translation>サーバーを保存しましたが、パスワードがわかりません。パスワードを入力してもう一度保存してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="215"/>
        <source>Saved. The password is in the system keyring.</source>
        <translation>保存しました。パスワードはシステムのキーリングにあります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="233"/>
        <source>No system keyring</source>
        <translation>システムのキーリングがありません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="234"/>
        <source>This computer has no system keyring to keep the sync password safely.

Keep the password in the profile file as plain text? Anyone who can read the profile file could then read it.

If you choose No, the password is used until you close the app and asked for again next time.</source>
        <translation>このコンピューターには、同期パスワードを安全に保管するシステムのキーリングがありません。

パスワードをプロファイルファイルに平文で保存しますか？プロファイルファイルを読める人は誰でもパスワードを読めるようになります。

「いいえ」を選ぶと、パスワードはアプリを閉じるまで使われ、次回また入力が必要になります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="252"/>
        <source>Saved. The password is in the profile file, as you chose.</source>
        <translation>保存しました。選んだとおり、パスワードはプロファイルファイルにあります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="256"/>
        <source>Saved the server, not the password: it is used until you close the app.</source>
        <translation>サーバーを保存しました。パスワードは保存せず、アプリを閉じるまで使います。</translation>
    </message>
    <message numerus="yes">
        <source>Connected to {0} as {1}; this account holds %Ln event(s) on the server.</source>
        <translation>
            <numerusform>{0} に {1} として接続しました。このアカウントのサーバー上のイベントは %Ln 件です。</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to {0} may go unencrypted (sslmode={1}): your password and study history could cross the network in the clear. Add ?sslmode=require (or verify-full, which also checks the server's certificate) to the server URL.</source>
        <translation>{0} への接続は暗号化されない場合があります（sslmode={1}）。パスワードと学習履歴が暗号化されずにネットワークを流れるおそれがあります。サーバー URL に ?sslmode=require（サーバーの証明書も確認する verify-full でも可）を付けてください。</translation>
    </message>
    <message>
        <source>This computer&apos;s EFFECT_SYNC_URL names {0}: syncs go there, not to the server below, for as long as it is set.</source>
        <translation>このコンピューターの EFFECT_SYNC_URL は {0} を指しています。設定されている間、同期は下のサーバーではなくそちらに送られます。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="40"/>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="51"/>
        <source>Sync: not set up</source>
        <translation>同期: 未設定</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="54"/>
        <source>Syncing: sending {0}/{1}…</source>
        <translation>同期中: 送信 {0}/{1}…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="57"/>
        <source>Syncing: receiving {0}/{1}…</source>
        <translation>同期中: 受信 {0}/{1}…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="59"/>
        <source>Syncing…</source>
        <translation>同期中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="62"/>
        <source>Offline, %Ln pending</source>
        <translation>
            <numerusform>オフライン、未送信 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="63"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="66"/>
        <source>Sync error, %Ln pending</source>
        <translation>
            <numerusform>同期エラー、未送信 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="67"/>
        <source>Sync error</source>
        <translation>同期エラー</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="69"/>
        <source>%Ln pending</source>
        <translation>
            <numerusform>未送信 %Ln 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="71"/>
        <source>Synced {0}</source>
        <translation>同期済み {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="72"/>
        <source>Not synced yet</source>
        <translation>未同期</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="79"/>
        <source>No sync server is set up. Click to set one up.</source>
        <translation>同期サーバーが設定されていません。クリックして設定します。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="82"/>
        <source>A sync is running; you can keep studying.</source>
        <translation>同期しています。学習はそのまま続けられます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="86"/>
        <source>%Ln change(s) not yet on the server; they are kept safely in this profile.</source>
        <translation>
            <numerusform>サーバーにまだない変更が %Ln 件あります。このプロファイルに安全に保持されています。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="89"/>
        <source>Last sync: {0}</source>
        <translation>前回の同期: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="92"/>
        <source>Click to sync now.</source>
        <translation>クリックすると今すぐ同期します。</translation>
    </message>
    <message>
        <source>Click to open the sync settings.</source>
        <translation>クリックすると同期の設定を開きます。</translation>
    </message>
    <message>
        <source>Finishing the sync before closing…</source>
        <translation>閉じる前に同期を終えています…</translation>
    </message>
    <message>
        <source>Syncing: backing up the profile first…</source>
        <translation>同期中: まずプロファイルをバックアップしています…</translation>
    </message>
</context>
</TS>
