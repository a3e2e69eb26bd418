<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/controller.py" line="228"/>
        <source>The sync stopped unexpectedly ({0}). Your changes are kept; details are in the log file.</source>
        <translation>同期が予期せず止まりました（{0}）。変更は保持されています。詳細はログファイルにあります。</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="264"/>
        <source>Sync</source>
        <translation>同期</translation>
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
        <location filename="../../effect_desktop/gui/sync/install.py" line="147"/>
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
        <source>Sync settings…</source>
        <translation>同期の設定…</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="59"/>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="62"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="71"/>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="73"/>
        <source>Server URL:</source>
        <translation>サーバー URL:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="74"/>
        <source>User name:</source>
        <translation>ユーザー名:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="75"/>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="76"/>
        <source>Your administrator creates the account with “effect-desktop server add-user” and gives you these three.</source>
        <translation>アカウントは管理者が「effect-desktop server add-user」で作成し、この 3 つを知らせてくれます。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="90"/>
        <source>Sync when the app &amp;opens</source>
        <translation>アプリを開いたときに同期(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="92"/>
        <source>Sync when the app &amp;closes (waits a few seconds at most)</source>
        <translation>アプリを閉じるときに同期(&amp;C)（待つのは数秒まで）</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="98"/>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="99"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="100"/>
        <source>Automatic sync</source>
        <translation>自動同期</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="104"/>
        <source>Sync every:</source>
        <translation>同期の間隔:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="123"/>
        <source>leave empty to keep the saved password</source>
        <translation>空欄なら保存済みのパスワードを使います</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="149"/>
        <source>Enter the server URL, e.g. postgresql://sync.example.org:5432/effect.</source>
        <translation>サーバー URL を入力してください（例: postgresql://sync.example.org:5432/effect）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="174"/>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="186"/>
        <source>Enter the password to test the connection.</source>
        <translation>接続をテストするにはパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="191"/>
        <source>The test failed unexpectedly: {0}</source>
        <translation>テストが予期せず失敗しました: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="205"/>
        <source>Saved. The password saved before is used.</source>
        <translation>保存しました。以前保存したパスワードを使います。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="207"/>
        <source>Saved the server, but no password is known for it: enter the password and save again.</source>
        <translation>サーバーを保存しましたが、パスワードがわかりません。パスワードを入力してもう一度保存してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="213"/>
        <source>Saved. The password is in the system keyring.</source>
        <translation>保存しました。パスワードはシステムのキーリングにあります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="231"/>
        <source>No system keyring</source>
        <translation>システムのキーリングがありません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="232"/>
        <source>This computer has no system keyring to keep the sync password safely.

Keep the password in the profile file as plain text? Anyone who can read the profile file could then read it.

If you choose No, the password is used until you close the app and asked for again next time.</source>
        <translation>このコンピューターには、同期パスワードを安全に保管するシステムのキーリングがありません。

パスワードをプロファイルファイルに平文で保存しますか？プロファイルファイルを読める人は誰でもパスワードを読めるようになります。

「いいえ」を選ぶと、パスワードはアプリを閉じるまで使われ、次回また入力が必要になります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="250"/>
        <source>Saved. The password is in the profile file, as you chose.</source>
        <translation>保存しました。選んだとおり、パスワードはプロファイルファイルにあります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/settings_widget.py" line="254"/>
        <source>Saved the server, not the password: it is used until you close the app.</source>
        <translation>サーバーを保存しました。パスワードは保存せず、アプリを閉じるまで使います。</translation>
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
        <source>Offline, %n pending</source>
        <translation>
            <numerusform>オフライン、未送信 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="63"/>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="66"/>
        <source>Sync error, %n pending</source>
        <translation>
            <numerusform>同期エラー、未送信 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sync/status.py" line="67"/>
        <source>Sync error</source>
        <translation>同期エラー</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/sync/status.py" line="69"/>
        <source>%n pending</source>
        <translation>
            <numerusform>未送信 %n 件</numerusform>
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
        <source>%n change(s) not yet on the server; they are kept safely in this profile.</source>
        <translation>
            <numerusform>サーバーにまだない変更が %n 件あります。このプロファイルに安全に保持されています。</numerusform>
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
</context>
</TS>
