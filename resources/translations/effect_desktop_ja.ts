<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>App</name>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Backup restored</source>
        <translation>バックアップから復元しました</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Restored the backup.</source>
        <translation>バックアップから復元しました。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Restored the backup and took back %Ln event(s) made since it from the damaged profile.</source>
        <translation><numerusform>バックアップから復元し、その後の %Ln 件の記録を壊れたプロファイルから取り戻しました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>%Ln event(s) made since it could not be read; a sync brings back what reached the server.</source>
        <translation><numerusform>その後の %Ln 件の記録は読み取れませんでした。サーバーに届いていたものは同期で戻ります。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>The end of the damaged profile could not be read: what was made last may be missing; a sync brings back what reached the server.</source>
        <translation>壊れたプロファイルの末尾を読み取れませんでした。最後の記録が欠けている可能性があります。サーバーに届いていたものは同期で戻ります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Restore the backup taken {0}? The profile as it is now is moved to the backups folder, not deleted.</source>
        <translation>{0} のバックアップから復元しますか？ 現在のプロファイルは削除せず、バックアップフォルダーへ移動します。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Restore the backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="61" />
        <source>Invalid profile name</source>
        <translation>プロファイル名が正しくありません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="67" />
        <source>Effect Desktop is already open</source>
        <translation>Effect Desktop はすでに開いています</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/app.py" line="1" />
        <source>Effect Desktop is already open on the profile {0}; its window was brought to the front.</source>
        <translation>Effect Desktop はすでにプロファイル {0} で開いています。そのウィンドウを前面に表示しました。</translation>
    </message>
    <message>
        <source>Bringing your words and statistics up to date…</source>
        <translation>単語と統計を最新の状態にしています…</translation>
    </message>
    <message>
        <source>The disk holding {0} is full, so Effect Desktop cannot start. Free some space and open it again; your profile was left untouched.</source>
        <translation>{0} のあるディスクがいっぱいのため、Effect Desktop を起動できません。空き容量を作ってから、もう一度開いてください。プロファイルには手を付けていません。</translation>
    </message>
    <message>
        <source>The lock file {0} could not be created; check that the data folder is writable.</source>
        <translation>ロックファイル {0} を作成できませんでした。データフォルダーに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>Effect Desktop cannot start</source>
        <translation>Effect Desktop を起動できません</translation>
    </message>
    <message>
        <source>Nothing was taken back from the damaged profile: its history is not this profile's (a file of another profile was beside it). It is kept in the backups folder.</source>
        <translation>破損したプロファイルからは何も取り戻しませんでした。その履歴はこのプロファイルのものではありません（別のプロファイルのファイルが隣にありました）。破損したファイルはバックアップフォルダーに残してあります。</translation>
    </message>
    <message>
        <source>Make a new profile of what it still holds? The damaged file is moved to the backups folder, not deleted; a sync brings back what reached the server.</source>
        <translation>まだ読み取れる内容から新しいプロファイルを作りますか？ 壊れたファイルは削除されず、バックアップフォルダーに移されます。サーバーに届いていたものは同期で戻ります。</translation>
    </message>
    <message>
        <source>Recover what can be read</source>
        <translation>読み取れるものを取り戻す</translation>
    </message>
    <message>
        <source>Profile recovered</source>
        <translation>プロファイルを取り戻しました</translation>
    </message>
    <message numerus="yes">
        <source>Recovered %Ln event(s) from the damaged profile into a new one.</source>
        <translation><numerusform>壊れたプロファイルから %Ln 件の記録を新しいプロファイルに取り戻しました。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) could not be read; a sync brings back what reached the server.</source>
        <translation><numerusform>%Ln 件の記録は読み取れませんでした。サーバーに届いていたものは同期で戻ります。</numerusform></translation>
    </message>
    <message>
        <source>the disk is full or failing</source>
        <translation>ディスクがいっぱいか、故障しています</translation>
    </message>
    <message>
        <source>Restored the backup, but what was made since it could not be taken back from the damaged profile ({0}). The damaged profile is kept, as it was, in {1}; a sync brings back what reached the server.</source>
        <translation>バックアップから復元しましたが、その後の記録を壊れたプロファイルから取り戻せませんでした（{0}）。壊れたプロファイルはそのまま {1} に保存してあります。サーバーに届いていたものは同期で戻ります。</translation>
    </message>
    <message>
        <source>Nothing made since the backup could be read from the damaged profile: what was made since may be missing; a sync brings back what reached the server.</source>
        <translation>バックアップ後の記録を壊れたプロファイルから一件も読み取れませんでした。その後の記録が欠けている可能性があります。サーバーに届いていたものは同期で戻ります。</translation>
    </message>
</context>
<context>
    <name>ChoiceCard</name>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="175" />
        <source>1–4: choose the meaning · Esc: leave</source>
        <translation>1〜4: 意味を選ぶ · Esc: 中断</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="189" />
        <source>Not quite: “{0}” means {1}.</source>
        <translation>残念！「{0}」の意味は「{1}」です。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="191" />
        <source>Enter or Space: continue</source>
        <translation>Enter または Space: 次へ</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="29" />
        <source>Please check the input</source>
        <translation>入力内容を確認してください</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="31" />
        <source>That cannot be done</source>
        <translation>その操作はできません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="33" />
        <source>The profile could not be read or written</source>
        <translation>プロファイルの読み書きができませんでした</translation>
    </message>
    <message>
        <source>The profile is busy</source>
        <translation>プロファイルは使用中です</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="34" />
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="44" />
        <source>An unexpected error occurred: {0}
Details were written to the log file; your study history is safe.</source>
        <translation>予期しないエラーが発生しました: {0}
詳細はログファイルに記録されました。学習履歴は失われていません。</translation>
    </message>
    <message>
        <source>Update Effect Desktop</source>
        <translation>Effect Desktop を更新してください</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="1" />
        <source>The backup could not be made</source>
        <translation>バックアップを作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="1" />
        <source>The backup was not restored</source>
        <translation>バックアップは復元されませんでした</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="1" />
        <source>Nothing was imported</source>
        <translation>何もインポートしていません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/errors.py" line="1" />
        <source>The export could not be written</source>
        <translation>書き出したファイルを保存できませんでした</translation>
    </message>
    <message>
        <source>The profile file is damaged; what was saved before stays. Close Effect Desktop and open it again: it checks the file and offers to restore the latest backup, taking back what was done since.</source>
        <translation>プロファイルのファイルが壊れています。それまでに保存した内容は残っています。Effect Desktop を閉じて開き直してください。ファイルを確認し、最新のバックアップからの復元を提案します（その後に行った学習は取り戻されます）。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="20" />
        <source>Welcome to Effect Desktop</source>
        <translation>Effect Desktop へようこそ</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="22" />
        <source>Your profile is ready. Would you like to begin with the English–Japanese starter deck ({0} words with categories and tags), or start with an empty word list and add your own words?</source>
        <translation>プロファイルの準備ができました。英語–日本語のスターターデッキ（カテゴリとタグ付きの {0} 語）で始めますか？ それとも空の単語リストから始めて、自分で単語を追加しますか？</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="26" />
        <source>Load the &amp;starter deck</source>
        <translation>スターターデッキを読み込む(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="30" />
        <source>Start &amp;empty</source>
        <translation>空で始める(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="38" />
        <source>Welcome!</source>
        <translation>ようこそ！</translation>
    </message>
    <message>
        <source>Sync from &amp;another computer…</source>
        <translation>別のコンピューターから同期(&amp;A)…</translation>
    </message>
    <message>
        <source>Already studying with Effect Desktop on another computer? Sync first instead: your words and history come from there (loading the deck on both would list every word twice).</source>
        <translation>別のコンピューターですでに Effect Desktop で学習していますか？ それなら先に同期してください。単語と履歴はそちらから届きます（両方でデッキを読み込むと、すべての単語が二重に並びます）。</translation>
    </message>
</context>
<context>
    <name>FlashcardCard</name>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="82" />
        <source>Again</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="82" />
        <source>Hard</source>
        <translation>難しい</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="82" />
        <source>Good</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="82" />
        <source>Easy</source>
        <translation>簡単</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="108" />
        <source>Space or Enter: show the meaning · Esc: leave</source>
        <translation>Space または Enter: 意味を表示 · Esc: 中断</translation>
    </message>
    <message>
        <source>Show the meaning</source>
        <translation>意味を表示</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="117" />
        <source>How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy</source>
        <translation>どのくらい覚えていましたか？ 1 もう一度 · 2 難しい · 3 普通 · 4 簡単</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="73" />
        <source>Effect Desktop — {0}</source>
        <translation>Effect Desktop — {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="111" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="112" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="115" />
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="116" />
        <location filename="../../effect_desktop/gui/main_window.py" line="189" />
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="123" />
        <source>&amp;Add word…</source>
        <translation>単語を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="126" />
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="131" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="178" />
        <source>Due: {0}</source>
        <translation>復習待ち: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/main_window.py" line="179" />
        <source>Streak: %Ln day(s)</source>
        <translation><numerusform>連続学習: %Ln 日</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="182" />
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="188" />
        <source>&amp;Undo {0}</source>
        <translation>{0}を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="194" />
        <source>Nothing to undo.</source>
        <translation>元に戻す操作はありません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="198" />
        <source>Undone: {0}</source>
        <translation>元に戻しました: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/main_window.py" line="237" />
        <source>Loaded %Ln word(s).</source>
        <translation><numerusform>%Ln 語を読み込みました。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="239" />
        <source>Loading the starter deck…</source>
        <translation>スターターデッキを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/main_window.py" line="267" />
        <source>The new language applies when this session ends.</source>
        <translation>新しい言語はこのセッションの終了後に適用されます。</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Undone in part: {0}; what another program or device changed since is kept.</source>
        <translation>一部を元に戻しました: {0}。その後ほかのプログラムや別のデバイスで変更された部分はそのままです。</translation>
    </message>
    <message>
        <source>Not undone: {0}; another program or device changed it since, and its changes are kept.</source>
        <translation>元に戻しませんでした: {0}。その後ほかのプログラムや別のデバイスで変更されたため、その変更を残しています。</translation>
    </message>
    <message>
        <source>Check the clock</source>
        <translation>時計を確認してください</translation>
    </message>
    <message>
        <source>This computer's clock says {0}, but your study history goes on to {1}.</source>
        <translation>このコンピューターの時計は {0} ですが、学習の履歴は {1} まで続いています。</translation>
    </message>
    <message>
        <source>If this computer's clock is wrong, set it and open Effect Desktop again: answers given now are filed under the clock's day and scheduled from it. If another computer's clock was ahead when it synced, set that one.</source>
        <translation>このコンピューターの時計が間違っている場合は、時計を合わせてから Effect Desktop を開き直してください。今の解答は時計の日付の分として記録され、その日付から復習予定が決まります。同期したほかのコンピューターの時計が進んでいた場合は、そちらの時計を合わせてください。</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>{0}をやり直す(&amp;R)</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>やり直す操作はありません。</translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation>やり直しました: {0}</translation>
    </message>
    <message>
        <source>Redone in part: {0}; what another program or device changed since is kept.</source>
        <translation>一部をやり直しました: {0}。その後ほかのプログラムや別のデバイスで変更された部分はそのままです。</translation>
    </message>
    <message>
        <source>Not redone: {0}; another program or device changed it since, and its changes are kept.</source>
        <translation>やり直しませんでした: {0}。その後ほかのプログラムや別のデバイスで変更されたため、その変更を残しています。</translation>
    </message>
    <message>
        <source>Not undone: {0}; its session was finished elsewhere since, and a finished session keeps its answers.</source>
        <translation>元に戻しませんでした: {0}。そのセッションはその後ほかの場所で完了しており、完了したセッションの解答はそのまま残ります。</translation>
    </message>
    <message>
        <source>Not redone: {0}; its session was finished elsewhere since.</source>
        <translation>やり直しませんでした: {0}。そのセッションはその後ほかの場所で完了しています。</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../effect_desktop/gui/operations.py" line="99" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>キャンセルしました。何も書き込んでいません。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="34" />
        <source>Study</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="35" />
        <source>Words</source>
        <translation>単語</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="36" />
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="37" />
        <location filename="../../effect_desktop/gui/placeholder.py" line="35" />
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="38" />
        <location filename="../../effect_desktop/gui/placeholder.py" line="41" />
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/pages.py" line="39" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>学習(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>単語(&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;essions</source>
        <translation>セッション(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;atistics</source>
        <translation>統計(&amp;A)</translation>
    </message>
    <message>
        <source>Setti&amp;ngs</source>
        <translation>設定(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="54" />
        <source>Unfinished session</source>
        <translation>未完了のセッション</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/startup.py" line="56" />
        <source>Your {0} session from {1} was not finished ({2} of %Ln word(s) answered). Every answer was saved.</source>
        <translation><numerusform>{1} に始めた{0}のセッションが完了していません（%Ln 語中 {2} 語に解答済み）。解答はすべて保存されています。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="61" />
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="65" />
        <source>&amp;Finish with these answers</source>
        <translation>この解答で完了する(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/startup.py" line="68" />
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message numerus="yes">
        <source>Your {0} session from {1} was started, but none of its %Ln word(s) is answered yet.</source>
        <translation><numerusform>{1} に始めた{0}のセッション（%Ln 語）は、まだどの単語も解答されていません。</numerusform></translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="136" />
        <source>Leave (Esc)</source>
        <translation>中断 (Esc)</translation>
    </message>
    <message>
        <source>Progress through the session</source>
        <translation>セッションの進み具合</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="27" />
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="27" />
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="27" />
        <source>Words</source>
        <translation>単語数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="27" />
        <source>Answers</source>
        <translation>解答数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="28" />
        <source>Correct</source>
        <translation>正解数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="28" />
        <source>Accuracy</source>
        <translation>正答率</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="28" />
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="28" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="38" />
        <source>No sessions yet. Start one on the Study page.</source>
        <translation>まだセッションはありません。「学習」ページから始めましょう。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="53" />
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="53" />
        <source>Unfinished</source>
        <translation>未完了</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/sessions_page.py" line="57" />
        <source>Left before any answer</source>
        <translation>解答せずに終了</translation>
    </message>
    <message>
        <source>Show in the timeline</source>
        <translation>タイムラインで表示</translation>
    </message>
    <message>
        <source>Double-click a session (or press Enter) to see everything it did in the timeline.</source>
        <translation>セッションをダブルクリック（または Enter）すると、そのセッションの出来事をすべてタイムラインで表示します。</translation>
    </message>
    <message>
        <source>Show &amp;older sessions</source>
        <translation>古いセッションも表示(&amp;O)</translation>
    </message>
    <message>
        <source>The newest {0} of {1} sessions.</source>
        <translation>全 {1} セッションのうち新しい {0} 件を表示しています。</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>セッション</translation>
    </message>
    <message>
        <source>Completed; every answer undone</source>
        <translation>完了（解答はすべて取り消し済み）</translation>
    </message>
    <message>
        <source>&amp;Resume or finish…</source>
        <translation>再開または完了(&amp;R)…</translation>
    </message>
    <message>
        <source>Go on with the chosen unfinished session, or finish it with the answers it has.</source>
        <translation>選んだ未完了のセッションを続けるか、それまでの解答で完了します。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="41" />
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="45" />
        <source>Study</source>
        <translation>学習</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="47" />
        <source>&amp;New words per day:</source>
        <translation>1日の新しい単語数(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="48" />
        <source>&amp;Words per session:</source>
        <translation>1セッションの単語数(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="55" />
        <source>Interface</source>
        <translation>表示</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="57" />
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="59" />
        <source>Maintenance</source>
        <translation>メンテナンス</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="61" />
        <source>Re&amp;count everything from the history…</source>
        <translation>履歴からすべてを数え直す(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="66" />
        <source>Profile file: {0}</source>
        <translation>プロファイルファイル: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="70" />
        <source>Replays every event to recompute words, schedules and statistics. Your history is not changed.</source>
        <translation>すべてのイベントを再生して、単語・復習予定・統計を計算し直します。履歴は変更されません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="78" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/settings_page.py" line="117" />
        <source>Rebuilt from %Ln event(s).</source>
        <translation><numerusform>%Ln 件のイベントから再構築しました。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="122" />
        <source>Rebuild cancelled; nothing was changed.</source>
        <translation>再構築をキャンセルしました。何も変更されていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="126" />
        <source>Recounting everything from the history…</source>
        <translation>履歴からすべてを数え直しています…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="1" />
        <source>&amp;Reviews per day:</source>
        <translation>1日の復習数(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/settings_page.py" line="1" />
        <source>Due words come first, up to the reviews per day; new words fill the rest of a session up to the new words per day. Both limits count every session of the study day.</source>
        <translation>復習待ちの単語が1日の復習数まで先に出題され、残りは1日の新しい単語数まで新しい単語で埋められます。どちらの上限も、その学習日のすべてのセッションを合わせて数えます。</translation>
    </message>
    <message>
        <source>A new study &amp;day starts at:</source>
        <translation>新しい学習日の始まり(&amp;D):</translation>
    </message>
    <message>
        <source>Answers given after midnight but before this hour count for the day before, as in Anki. Changing it recounts every past day (streak, daily totals, due dates) from your history, here and, at their next sync, on your other computers.</source>
        <translation>真夜中を過ぎても、この時刻より前の解答は Anki と同じく前日の分として数えます。変更すると、過去のすべての日（連続日数・日ごとの集計・復習予定日）を履歴から数え直します。ほかのコンピューターでも次の同期で同じように数え直します。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Backups &amp;kept:</source>
        <translation>保存するバックアップ数(&amp;K):</translation>
    </message>
    <message>
        <source>A backup is taken each day the app is used and before large imports and syncs; File → Backups… lists them and restores one. When there are more than this, the oldest go at the next backup.</source>
        <translation>バックアップは、アプリを使った日ごとに1回と、大きなインポートや同期の前に作られます。ファイル → バックアップ… で一覧を見て復元できます。この数を超えると、次のバックアップのときに古いものから削除されます。</translation>
    </message>
    <message>
        <source>Move the start of the study day</source>
        <translation>学習日の始まりの変更</translation>
    </message>
    <message>
        <source>Start each study day at {0}:00?</source>
        <translation>学習日の始まりを {0}:00 にしますか?</translation>
    </message>
    <message>
        <source>Every past answer&apos;s day is recounted from your history, so the streak, the daily totals and the due dates may change. Nothing in the history itself changes, and you can move it back at any time.</source>
        <translation>過去のすべての解答の日付を履歴から数え直すため、連続学習日数・日ごとの集計・復習予定日が変わることがあります。履歴そのものは変わらず、いつでも元に戻せます。</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="54" />
        <source>Ready to study</source>
        <translation>学習を始めましょう</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="67" />
        <source>&amp;Multiple choice — pick the meaning from four</source>
        <translation>四択(&amp;M) — 4つの中から意味を選ぶ</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="69" />
        <source>&amp;Typing — see the meaning, type the word</source>
        <translation>タイピング(&amp;T) — 意味を見て単語を入力</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="80" />
        <source>&amp;Start session</source>
        <translation>セッション開始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="90" />
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="92" />
        <source>F&amp;inish it</source>
        <translation>完了する(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="105" />
        <source>How do you want to study?</source>
        <translation>学習方法を選んでください:</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>単語(&amp;W):</translation>
    </message>
    <message>
        <source>All words</source>
        <translation>すべての単語</translation>
    </message>
    <message>
        <source>Category: {0}</source>
        <translation>カテゴリ: {0}</translation>
    </message>
    <message>
        <source>Tag: {0}</source>
        <translation>タグ: {0}</translation>
    </message>
    <message>
        <source>Flash&amp;cards — see the word, recall the meaning, grade yourself</source>
        <translation>フラッシュカード(&amp;C) — 単語を見て意味を思い出し、自己採点</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>カテゴリなし</translation>
    </message>
</context>
<context>
    <name>StudyModes</name>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="45" />
        <source>Flashcards</source>
        <translation>フラッシュカード</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="46" />
        <source>Multiple choice</source>
        <translation>四択</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="47" />
        <source>Typing</source>
        <translation>タイピング</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="198" />
        <source>{0} due for review</source>
        <translation>復習待ち {0} 語</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new word(s) today</source>
        <translation><numerusform>今日の新しい単語 %Ln 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/study/page.py" line="207" />
        <source>An unfinished {0} session from {1} ({2} of %Ln word(s) answered).</source>
        <translation><numerusform>{1} に始めた{0}のセッションが未完了です（%Ln 語中 {2} 語に解答済み）。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="223" />
        <source>Nothing to study right now: no words are due and today's new words are done. Add words on the Words page or raise the daily limit in Settings.</source>
        <translation>今は学習する単語がありません。復習待ちの単語はなく、今日の新しい単語も終わりました。「単語」ページで単語を追加するか、「設定」で1日の上限を増やしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="287" />
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="306" />
        <source>answer to “{0}”</source>
        <translation>「{0}」への解答</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="350" />
        <source>Answer undone.</source>
        <translation>解答を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/page.py" line="1" />
        <source>Nothing to study right now: no words are due, or today's reviews and new words are done. Add words on the Words page or raise the daily limits in Settings.</source>
        <translation>今は学習する単語がありません。復習待ちの単語がないか、今日の復習と新しい単語が終わりました。「単語」ページで単語を追加するか、「設定」で1日の上限を増やしてください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/study/page.py" line="1" />
        <source>%Ln review(s) today ({0} due in all)</source>
        <translation><numerusform>今日の復習 %Ln 語（復習待ちは全部で {0} 語）</numerusform></translation>
    </message>
    <message>
        <source>Nothing to study in “{0}” right now: none of its words are due, or today&apos;s reviews and new words are done. Choose All words or another category or tag.</source>
        <translation>いま「{0}」で学習できる単語はありません。復習待ちの単語がないか、今日の復習と新しい単語の上限に達しています。「すべての単語」か別のカテゴリ・タグを選んでください。</translation>
    </message>
    <message>
        <source>This session was finished elsewhere (in another window, at the command line or on another computer); its answers are kept. Start a new one to go on.</source>
        <translation>このセッションは別の場所（別のウィンドウ、コマンドライン、または別のコンピューター）で完了しました。解答は保存されています。続けるには新しいセッションを始めてください。</translation>
    </message>
    <message>
        <source>There are no words yet. Add some on the Words page, or bring a list in with File → Import words…</source>
        <translation>まだ単語がありません。「単語」ページで追加するか、「ファイル」→「単語をインポート…」で一覧をインポートしてください。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) of this session were deleted meanwhile; their cards are left out.</source>
        <translation><numerusform>このセッションの %Ln 語がその間に削除されたため、そのカードは出題しません。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s) of this session left out: {0}.</source>
        <translation><numerusform>このセッションの %Ln 語は出題しません（{0}）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln reviewed since it began</source>
        <translation><numerusform>開始後にほかのセッションで復習済み %Ln 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln missed on an earlier day, asked again when due</source>
        <translation><numerusform>前の日に間違えて期限が来たら改めて出題する %Ln 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln not due yet</source>
        <translation><numerusform>復習日がまだ来ていない %Ln 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln over today's limits</source>
        <translation><numerusform>今日の上限を超える %Ln 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing in the {0} session from {1} is left to study now ({2}); it was finished with the %Ln answer(s) it had.</source>
        <translation><numerusform>{1} に始めた{0}のセッションには、いま学習する単語が残っていません（{2}）。それまでの解答 %Ln 問で完了しました。</numerusform></translation>
    </message>
    <message>
        <source>Nothing in the {0} session from {1} is left to study now ({2}); it was closed.</source>
        <translation>{1} に始めた{0}のセッションには、いま学習する単語が残っていません（{2}）。セッションを閉じました。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the reasons</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>A {0} session from {1} was started; no word is answered yet.</source>
        <translation>{1} に始めた{0}のセッションがあります（まだどの単語も解答されていません）。</translation>
    </message>
    <message>
        <source>Right: {0} — {1}</source>
        <translation>正解！{0} — {1}</translation>
    </message>
    <message>
        <source>mind the accents: “{0}”</source>
        <translation>アクセントに注意：「{0}」</translation>
    </message>
    <message>
        <source>written “{0}”</source>
        <translation>表記は「{0}」</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="25" />
        <source>Session complete</source>
        <translation>セッション完了</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="36" />
        <source>Words to review again:</source>
        <translation>もう一度復習する単語:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="40" />
        <source>Back to Study</source>
        <translation>学習に戻る</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="46" />
        <source>Accuracy:</source>
        <translation>正答率:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="47" />
        <source>Answers:</source>
        <translation>解答:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="48" />
        <source>Time:</source>
        <translation>時間:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="49" />
        <source>Streak:</source>
        <translation>連続学習:</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="63" />
        <source>{0} correct of {1}</source>
        <translation>{1} 問中 {0} 問正解</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/study/summary.py" line="65" />
        <source>%Ln day(s)</source>
        <translation><numerusform>%Ln 日</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/summary.py" line="70" />
        <source>None: every word was right the first time.</source>
        <translation>なし: すべての単語に1回目で正解しました。</translation>
    </message>
</context>
<context>
    <name>TypingCard</name>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="214" />
        <source>Type the word</source>
        <translation>単語を入力</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="236" />
        <source>Type the word for this meaning · Enter: check · Esc: leave</source>
        <translation>この意味の単語を入力 · Enter: 答え合わせ · Esc: 中断</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="250" />
        <source>The answer is “{0}”.</source>
        <translation>正解は「{0}」です。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/study/cards.py" line="251" />
        <source>Enter: continue</source>
        <translation>Enter: 次へ</translation>
    </message>
    <message>
        <source>Type the word for “{0}”</source>
        <translation>「{0}」の単語を入力</translation>
    </message>
    <message>
        <source>Almost: one letter off. The answer is “{0}”.</source>
        <translation>おしい！1文字ちがいです。正解は「{0}」です。</translation>
    </message>
    <message>
        <source>Right; {0}.</source>
        <translation>正解。{0}。</translation>
    </message>
</context>
<context>
    <name>WordDialog</name>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="47" />
        <source>Edit word</source>
        <translation>単語を編集</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="47" />
        <source>Add word</source>
        <translation>単語を追加</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="52" />
        <source>e.g. apple</source>
        <translation>例: apple</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="55" />
        <source>e.g. りんご (Shift+Enter: a new line)</source>
        <translation>例: りんご（Shift+Enter で改行）</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="63" />
        <source>comma-separated, e.g. noun, food</source>
        <translation>カンマ区切り 例: 名詞、食べ物</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="68" />
        <source>1 = easy … 5 = hard</source>
        <translation>1 = やさしい … 5 = むずかしい</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="73" />
        <source>&amp;Word</source>
        <translation>単語(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="74" />
        <source>&amp;Meaning</source>
        <translation>意味(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="75" />
        <source>&amp;Category</source>
        <translation>カテゴリ(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="76" />
        <source>&amp;Tags</source>
        <translation>タグ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/dialog.py" line="77" />
        <source>&amp;Difficulty</source>
        <translation>難易度(&amp;D)</translation>
    </message>
    <message>
        <source>Already in your words:</source>
        <translation>すでに登録されている単語：</translation>
    </message>
    <message>
        <source>“{0}” — {1}</source>
        <translation>「{0}」— {1}</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation><numerusform>ほか %Ln 語</numerusform></translation>
    </message>
    <message>
        <source>“{0}” — {1} is already in your words. Save again to add it once more.</source>
        <translation>「{0}」— {1} はすでに単語リストにあります。それでも追加するには、もう一度「保存」を押してください。</translation>
    </message>
    <message>
        <source>“{0}” — {1} is already in your words. Save again to have it twice.</source>
        <translation>「{0}」— {1} はすでに単語リストにあります。重複して登録するには、もう一度「保存」を押してください。</translation>
    </message>
</context>
<context>
    <name>WordTableModel</name>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="38" />
        <source>Deleted</source>
        <translation>削除日</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="1" />
        <source>deleted {0}</source>
        <translation>{0} に削除</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="27" />
        <source>Word</source>
        <translation>単語</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="28" />
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="29" />
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="30" />
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="31" />
        <source>Difficulty</source>
        <translation>難易度</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="32" />
        <source>Next review</source>
        <translation>次回の復習</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="39" />
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="47" />
        <source>due now</source>
        <translation>復習待ち</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/model.py" line="54" />
        <source>Due since {0}</source>
        <translation>{0} から復習待ち</translation>
    </message>
</context>
<context>
    <name>WordsPage</name>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>Deleted &amp;words</source>
        <translation>削除済み(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>List the deleted words, to bring one back with its history</source>
        <translation>削除した単語を一覧にし、学習履歴ごと復元できます</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>Bring the selected words back, with their study history</source>
        <translation>選んだ単語を学習履歴ごと復元します</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>{0} of %Ln deleted word(s)</source>
        <translation><numerusform>削除した単語 %Ln 語中 {0} 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>%Ln deleted word(s)</source>
        <translation><numerusform>削除した単語 %Ln 語</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>restoring of “{0}”</source>
        <translation>「{0}」の復元</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>restoring of {0} words</source>
        <translation>{0} 語の復元</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/words/page.py" line="1" />
        <source>Restored %Ln word(s), with their study history.</source>
        <translation><numerusform>%Ln 語を学習履歴ごと復元しました。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="43" />
        <source>Filter by word or meaning…</source>
        <translation>単語または意味で絞り込み…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="51" />
        <source>Any difficulty</source>
        <translation>すべての難易度</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="53" />
        <source>Difficulty {0}</source>
        <translation>難易度 {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="83" />
        <source>&amp;Add word…</source>
        <translation>単語を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="86" />
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="89" />
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="118" />
        <source>All categories</source>
        <translation>すべてのカテゴリ</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="119" />
        <source>All tags</source>
        <translation>すべてのタグ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/words/page.py" line="128" />
        <source>{0} of %Ln word(s)</source>
        <translation><numerusform>%Ln 語中 {0} 語</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/words/page.py" line="129" />
        <source>%Ln word(s)</source>
        <translation><numerusform>%Ln 語</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="191" />
        <source>edit of “{0}”</source>
        <translation>「{0}」の編集</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="208" />
        <source>Delete “{0}”?</source>
        <translation>「{0}」を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="210" />
        <source>Delete {0} words?</source>
        <translation>{0} 語を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="211" />
        <source>Delete words</source>
        <translation>単語の削除</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="214" />
        <source>Their study history is kept; Ctrl+Z, or “Deleted words” later, brings them back.</source>
        <translation>学習履歴は残ります。Ctrl+Z で取り消すか、後から「削除済み」の一覧で復元できます。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="231" />
        <source>deletion of “{0}”</source>
        <translation>「{0}」の削除</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/words/page.py" line="232" />
        <source>deletion of {0} words</source>
        <translation>{0} 語の削除</translation>
    </message>
    <message>
        <source>Deleted “{0}”; Ctrl+Z brings it back.</source>
        <translation>「{0}」を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Deleted {0} words; Ctrl+Z brings them back.</source>
        <translation>{0} 語を削除しました。Ctrl+Z で元に戻せます。</translation>
    </message>
    <message>
        <source>Filter words</source>
        <translation>単語を絞り込む</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>単語</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>編集(&amp;I)…</translation>
    </message>
    <message numerus="yes">
        <source> and %Ln more</source>
        <translation>
            <numerusform>、ほか %Ln 語</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the words named</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>“{0}” is saved; it no longer matches the filter, so the list does not show it.</source>
        <translation>「{0}」を保存しました。絞り込みの条件に合わなくなったため、一覧には表示されません。</translation>
    </message>
    <message numerus="yes">
        <source>Changing %Ln word(s)…</source>
        <translation><numerusform>%Ln 語を変更しています…</numerusform></translation>
    </message>
    <message>
        <source>No category</source>
        <translation>カテゴリなし</translation>
    </message>
    <message numerus="yes">
        <source>No longer matching the filter, so left the list: %Ln word(s).</source>
        <translation><numerusform>絞り込みの条件に合わなくなったため、一覧から外れました: %Ln 語。</numerusform></translation>
    </message>
    <message>
        <source>“{0}” is added; it does not match the filter, so the list does not show it.</source>
        <translation>「{0}」を追加しました。絞り込みの条件に合わないため、一覧には表示されません。</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The profile {0} cannot be written (it is read-only); nothing was written. Check the file's permissions, or choose a data folder you can write.</source>
        <translation>プロファイル {0} に書き込めません（読み取り専用です）。何も書き込んでいません。ファイルのアクセス権を確認するか、書き込めるデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The disk holding {0}, or the computer's temporary folder, is full or failing ({1}); the sync stopped there, and what it sent and received before is kept. Free some space and sync again: it goes on from there.</source>
        <translation>{0} のあるディスクか、コンピューターの一時フォルダーがいっぱいか、故障しています（{1}）。同期はそこで止まりましたが、それまでに送信・受信した分は保持されています。空き容量を確保してから、もう一度同期してください。続きから再開します。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The disk holding {0}, or the computer's temporary folder, is full or failing ({1}); nothing was written. Free some space and try again.</source>
        <translation>{0} のあるディスクか、コンピューターの一時フォルダーがいっぱいか、故障しています（{1}）。何も書き込んでいません。空き容量を確保してからもう一度お試しください。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>%Ln column(s); the mapping needs {0}</source>
        <translation><numerusform>列が %Ln 個しかありません（この対応付けには {0} 列必要です）</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The data folder {0} is a file, not a folder; choose another data folder with --data-dir or EFFECT_DATA_DIR.</source>
        <translation>データフォルダー {0} はフォルダーではなくファイルです。--data-dir または EFFECT_DATA_DIR で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The data folder {0} cannot be created ({1}); choose another data folder with --data-dir or EFFECT_DATA_DIR.</source>
        <translation>データフォルダー {0} を作成できません（{1}）。--data-dir または EFFECT_DATA_DIR で別のデータフォルダーを指定してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} is a folder, not a profile file; it was left untouched. Move it away, or choose another profile with --profile NAME.</source>
        <translation>{0} はプロファイルのファイルではなくフォルダーです（変更はしていません）。移動するか、--profile 名前 で別のプロファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} is not an Effect Desktop profile (not an SQLite file); it was left untouched.</source>
        <translation>{0} は Effect Desktop のプロファイルではありません（SQLite ファイルではありません）。変更はしていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} is an SQLite file of another program; it was left untouched.</source>
        <translation>{0} は別のプログラムの SQLite ファイルです。変更はしていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} is damaged ({1}); it was left untouched. The latest backup is {2}.</source>
        <translation>{0} は壊れています（{1}）。変更はしていません。最新のバックアップは {2} です。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} is damaged ({1}); it was left untouched. No backup of it exists; choose another data folder or profile.</source>
        <translation>{0} は壊れています（{1}）。変更はしていません。バックアップがないため、別のデータフォルダーかプロファイルを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The profile is busy in another program (another Effect Desktop window or a sync); try again in a moment.</source>
        <translation>プロファイルは別のプログラム（別の Effect Desktop のウィンドウまたは同期）が使用中です。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Word must not be empty.</source>
        <translation>単語を入力してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Meaning must not be empty.</source>
        <translation>意味を入力してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Word is {0} characters; at most {1} are allowed.</source>
        <translation>単語が {0} 文字あります。{1} 文字までにしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Meaning is {0} characters; at most {1} are allowed.</source>
        <translation>意味が {0} 文字あります。{1} 文字までにしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Category is too long; at most {0} characters.</source>
        <translation>カテゴリが長すぎます。{0} 文字までにしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Tags must be text: a list of tags or one comma-separated line.</source>
        <translation>タグは文字で入力してください（タグのリスト、またはカンマ区切りの1行）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} tags; at most {1} are allowed.</source>
        <translation>タグが {0} 個あります。{1} 個までにしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Difficulty must be a whole number from 1 to 5.</source>
        <translation>難易度は 1 から 5 までの整数にしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This field cannot be edited.</source>
        <translation>この項目は編集できません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>A session needs at least one word.</source>
        <translation>セッションには少なくとも1語が必要です。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>A session holds at most {0} words.</source>
        <translation>1つのセッションは {0} 語までです。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Response time must be between 0 ms and one hour.</source>
        <translation>解答時間は 0 ミリ秒から1時間までにしてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>'Again' means a wrong answer; the other grades mean a right one.</source>
        <translation>「もう一度」は不正解、ほかの評価は正解を意味します。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This word has been deleted; restore it before changing it.</source>
        <translation>この単語は削除されています。変更する前に復元してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This word is already deleted.</source>
        <translation>この単語はすでに削除されています。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This word is not deleted, so there is nothing to restore.</source>
        <translation>この単語は削除されていないため、復元するものはありません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This word is not part of the session.</source>
        <translation>この単語はこのセッションに含まれていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This word was deleted meanwhile, so its answer was not kept and its card is left out; restore it on the Words page to study it again.</source>
        <translation>この単語はその間に削除されたため、解答は記録されず、カードは外されました。もう一度学習するには「単語」ページで復元してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>That answer is not in this session (or was already undone).</source>
        <translation>その解答はこのセッションにありません（すでに取り消された可能性があります）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This session was never started.</source>
        <translation>このセッションは開始されていません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>This session is already completed; start a new one.</source>
        <translation>このセッションはすでに完了しています。新しいセッションを始めてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>There is no word {0}; it may have been removed meanwhile.</source>
        <translation>単語 {0} はありません。その間に削除された可能性があります。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>There is no session {0}.</source>
        <translation>セッション {0} はありません。</translation>
    </message>
    <message>
        <source>This file contains binary data, not text; export the list from your spreadsheet as CSV or tab-separated text.</source>
        <translation>このファイルはテキストではなくバイナリデータです。表計算ソフトから CSV かタブ区切りテキストとして書き出してください。</translation>
    </message>
    <message>
        <source>This file is a zip archive, not a word list; an Anki deck is imported as an Anki package (a file ending in .apkg).</source>
        <translation>このファイルは単語リストではなく zip アーカイブです。Anki のデッキは Anki パッケージ（.apkg で終わるファイル）としてインポートしてください。</translation>
    </message>
    <message>
        <source>This file is a database, not a word list; export the words from that program as CSV.</source>
        <translation>このファイルは単語リストではなくデータベースです。そのプログラムから単語を CSV として書き出してください。</translation>
    </message>
    <message>
        <source>The file's text encoding could not be recognised (it is not UTF-8, UTF-16, Shift_JIS, Windows-1252, -1251 or -1250); save it from your spreadsheet as "CSV UTF-8", or choose it under Encoding (the list names the languages each is for).</source>
        <translation>ファイルの文字コードを判別できませんでした（UTF-8・UTF-16・Shift_JIS・Windows-1252・Windows-1251・Windows-1250 のいずれでもありません）。表計算ソフトから「CSV UTF-8」として保存し直すか、「文字コード」欄でファイルの文字コードを選んでください（一覧には各文字コードがどの言語用かが書かれています）。</translation>
    </message>
    <message>
        <source>Line {0} is not valid {1} text; save the file as "CSV UTF-8".</source>
        <translation>{0} 行目は正しい {1} のテキストではありません。ファイルを「CSV UTF-8」として保存してください。</translation>
    </message>
    <message>
        <source>{0} is {1} MB; a word list of at most {2} MB can be imported.</source>
        <translation>{0} は {1} MB です。インポートできる単語リストは {2} MB までです。</translation>
    </message>
    <message>
        <source>The file is empty: there are no words to import.</source>
        <translation>ファイルが空です。インポートする単語がありません。</translation>
    </message>
    <message>
        <source>No readable rows were found in the file.</source>
        <translation>ファイルに読み取れる行がありませんでした。</translation>
    </message>
    <message>
        <source>{0} holds no Anki collection; is it an Anki deck package?</source>
        <translation>{0} には Anki のコレクションが入っていません。Anki のデッキパッケージですか？</translation>
    </message>
    <message>
        <source>{0} is not a complete Anki package (the zip file is damaged or cut short); download or export it again.</source>
        <translation>{0} は完全な Anki パッケージではありません（zip ファイルが壊れているか途中で切れています）。もう一度ダウンロードするか書き出してください。</translation>
    </message>
    <message>
        <source>The collection inside {0} is damaged or not an Anki collection; export the deck from Anki again.</source>
        <translation>{0} の中のコレクションが壊れているか、Anki のコレクションではありません。Anki からデッキをもう一度書き出してください。</translation>
    </message>
    <message>
        <source>{0} holds a collection larger than {1} GB, more than a deck of words can be; it was not imported (is it an Anki deck package?).</source>
        <translation>{0} には {1} GB を超えるコレクションが入っています。単語のデッキとしては大きすぎるため、インポートしませんでした（Anki のデッキパッケージですか？）。</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>{0} を読み込めませんでした: {1}。</translation>
    </message>
    <message>
        <source>No column is mapped to {0}; choose a column for the word and one for its meaning.</source>
        <translation>{0}に対応する列がありません。単語の列と意味の列を選んでください。</translation>
    </message>
    <message>
        <source>the word</source>
        <translation>単語</translation>
    </message>
    <message>
        <source>the meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source> and </source>
        <translation>と</translation>
    </message>
    <message>
        <source>{0} is this profile's own file, not a word list or an export; choose the file to import.</source>
        <translation>{0} はこのプロファイル自身のファイルで、単語リストでも書き出したファイルでもありません。インポートするファイルを選んでください。</translation>
    </message>
    <message>
        <source>The file has only its header row: there are no words to import.</source>
        <translation>ファイルには見出しの行しかありません。インポートする単語がありません。</translation>
    </message>
    <message>
        <source>The profile is busy in another program (another Effect Desktop window, a sync, or a command such as an import or rebuild still running); try again in a moment.</source>
        <translation>プロファイルは別のプログラム（別の Effect Desktop のウィンドウ、同期、またはインポートや再構築などの実行中のコマンド）が使用中です。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The profile is busy in another program (another Effect Desktop window, a sync, or a command such as an import or rebuild still running), so this was not saved. Try it again in a moment.</source>
        <translation>プロファイルは別のプログラム（別の Effect Desktop のウィンドウ、同期、またはインポートや再構築などの実行中のコマンド）が使用中のため、この操作は保存されませんでした。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>{0} cannot be read ({1}); it was left untouched. Give your user account permission to read and write it, or choose another data folder.</source>
        <translation>{0} を読み取れません（{1}）。ファイルには手を付けていません。このユーザーアカウントに読み書きの権限を与えるか、別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>The disk holding {0} is full: SQLite cannot make the small files it needs beside the profile. Free some space and try again; the profile was left untouched.</source>
        <translation>{0} のあるディスクがいっぱいです。SQLite がプロファイルの隣に必要な小さなファイルを作れません。空き容量を作ってから、もう一度お試しください。プロファイルには手を付けていません。</translation>
    </message>
    <message>
        <source>{0} could not be read ({1}); it was left untouched. Check the disk, then try again.</source>
        <translation>{0} を読み取れませんでした（{1}）。ファイルには手を付けていません。ディスクを確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A profile could not be created at {0} ({1}). Its path is longer than SQLite allows ({2} bytes); choose a data folder with a shorter path.</source>
        <translation>{0} にプロファイルを作成できませんでした（{1}）。パスが SQLite の上限（{2} バイト）より長いため、もっと短いパスのデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>A profile could not be created at {0} ({1}). Choose another data folder.</source>
        <translation>{0} にプロファイルを作成できませんでした（{1}）。別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>Beside {0} lies the write-ahead log of another profile ({1}), which SQLite would read as this one's; both were left untouched. Move {1} out of the folder, then open the profile again.</source>
        <translation>{0} の隣に、別のプロファイルの先行書き込みログ（{1}）があります。SQLite はこれをこのプロファイルのものとして読んでしまいます。どちらにも手を付けていません。{1} をフォルダーの外へ移してから、もう一度プロファイルを開いてください。</translation>
    </message>
    <message>
        <source>The data folder {0} is a link to {1}, which does not exist (a disk not connected?); connect it, or choose another data folder with --data-dir or EFFECT_DATA_DIR.</source>
        <translation>データフォルダー {0} は {1} へのリンクですが、リンク先がありません（ディスクが接続されていない？）。接続するか、--data-dir または EFFECT_DATA_DIR で別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <source>The profile name “{0}…” has {1} characters; use at most 64.</source>
        <translation>プロファイル名「{0}…」は {1} 文字あります。64 文字以内にしてください。</translation>
    </message>
    <message>
        <source>The profile name “{0}” cannot be used: Windows keeps that name for a device (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9); choose another.</source>
        <translation>プロファイル名「{0}」は使えません。Windows では装置の名前です（CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9）。別の名前にしてください。</translation>
    </message>
    <message>
        <source>The profile name is empty: use letters, digits, spaces, - and _.</source>
        <translation>プロファイル名が空です。文字、数字、空白、- と _ を使ってください。</translation>
    </message>
    <message>
        <source>a full-width space</source>
        <translation>全角スペース</translation>
    </message>
    <message>
        <source>The profile name “{0}” cannot be used: {1} is not allowed; use letters, digits, spaces, - and _.</source>
        <translation>プロファイル名「{0}」は使えません。{1}は使えない文字です。文字、数字、半角の空白、- と _ を使ってください。</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <comment>a refused character</comment>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>Columns {0} and {1} are both mapped to {2}; only tags can take several columns. Map one of them to another field or ignore it.</source>
        <translation>列 {0} と {1} が両方とも{2}に対応付けられています。複数の列を対応付けられるのはタグだけです。どちらかを別の項目にするか、「（無視）」にしてください。</translation>
    </message>
    <message>
        <source>the category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <source>the difficulty</source>
        <translation>難易度</translation>
    </message>
    <message>
        <source>its note type is missing from the package (unknown note type)</source>
        <translation>ノートタイプがパッケージに含まれていません（不明なノートタイプ）</translation>
    </message>
    <message>
        <source>cloze notes ({0}) have no separate word and meaning</source>
        <translation>穴埋め（クローズ）ノート（{0}）には単語と意味の区別がありません</translation>
    </message>
    <message>
        <source>note type {0} has one field; a word needs a front and a back</source>
        <translation>ノートタイプ {0} にはフィールドが 1 つしかありません。単語には表面と裏面が必要です</translation>
    </message>
    <message>
        <source>the front holds only pictures or sounds, which cannot be imported</source>
        <translation>表面が画像または音声だけで、インポートできません</translation>
    </message>
    <message>
        <source>the back holds only pictures or sounds, which cannot be imported</source>
        <translation>裏面が画像または音声だけで、インポートできません</translation>
    </message>
    <message>
        <source>The tag “{0}” is too long: {1} characters, at most {2}.</source>
        <translation>タグ「{0}」が長すぎます（{1} 文字。上限は {2} 文字です）。</translation>
    </message>
    <message>
        <source>Word contains a control character (U+{0}), which no screen shows; remove it.</source>
        <translation>単語に表示できない制御文字（U+{0}）が含まれています。取り除いてください。</translation>
    </message>
    <message>
        <source>Meaning contains a control character (U+{0}), which no screen shows; remove it.</source>
        <translation>意味に表示できない制御文字（U+{0}）が含まれています。取り除いてください。</translation>
    </message>
    <message>
        <source>Category contains a control character (U+{0}), which no screen shows; remove it.</source>
        <translation>カテゴリに表示できない制御文字（U+{0}）が含まれています。取り除いてください。</translation>
    </message>
    <message>
        <source>A tag contains a control character (U+{0}), which no screen shows; remove it.</source>
        <translation>タグに表示できない制御文字（U+{0}）が含まれています。取り除いてください。</translation>
    </message>
    <message numerus="yes">
        <source>No row of the file can be imported: line {0}: {1} (and %Ln other line(s) that cannot be read).</source>
        <translation><numerusform>ファイルのどの行もインポートできません：{0} 行目：{1}（ほかに読み取れない行が %Ln 行あります）。</numerusform></translation>
    </message>
    <message>
        <source>No row of the file can be imported: line {0}: {1}.</source>
        <translation>ファイルのどの行もインポートできません：{0} 行目：{1}。</translation>
    </message>
    <message>
        <source>a quote (&quot;) opens a cell here that is never closed, so the rest of the line was read as that one cell; close the quote or remove it</source>
        <translation>ここで始まる引用符（&quot;）が閉じられていないため、行の残りが 1 つのセルとして読まれました。引用符を閉じるか、取り除いてください</translation>
    </message>
    <message numerus="yes">
        <source>a quote (&quot;) opens a cell here that is never closed, so the %Ln line(s) after it were read into that one cell; close the quote or remove it</source>
        <translation><numerusform>ここで始まる引用符（&quot;）が閉じられていないため、後に続く %Ln 行がそのセルに読み込まれました。引用符を閉じるか、取り除いてください</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>a quote (&quot;) opens a cell here that runs on to line {0}, taking in %Ln line(s) that look like rows of their own; a quote is missing or one too many</source>
        <translation><numerusform>ここで始まる引用符（&quot;）のセルが {0} 行目まで続き、それ自体が行に見える %Ln 行を取り込んでいます。引用符が足りないか、1 つ多すぎます</numerusform></translation>
    </message>
    <message>
        <source>the line could not be split into columns ({0})</source>
        <translation>行を列に分けられませんでした（{0}）</translation>
    </message>
    <message>
        <source>a cell is longer than {0} characters</source>
        <translation>{0} 文字より長いセルがあります</translation>
    </message>
    <message>
        <source>This event log was saved as UTF-16 ("Unicode"); save it as UTF-8 and import it again.</source>
        <translation>このイベントログは UTF-16（「Unicode」）で保存されています。UTF-8 で保存し直してからインポートしてください。</translation>
    </message>
    <message>
        <source>A profile could not be created at {0} ({1}). Free some space on the disk and try again, or choose another data folder.</source>
        <translation>{0} にプロファイルを作成できませんでした（{1}）。ディスクの空きを増やしてやり直すか、別のデータフォルダーを選んでください。</translation>
    </message>
    <message>
        <source>{0} is damaged ({1}); it was left untouched. No backup of it exists.</source>
        <translation>{0} は壊れています（{1}）。変更はしていません。バックアップはありません。</translation>
    </message>
    <message>
        <source>Nothing could be recovered from {0} ({1}); it was left as it was.</source>
        <translation>{0} からは何も取り戻せませんでした（{1}）。ファイルはそのままです。</translation>
    </message>
    <message>
        <source>cloze notes have no separate word and meaning</source>
        <translation>穴埋め（クローズ）ノートには単語と意味の区別がありません</translation>
    </message>
    <message>
        <source>{0} cells where the header names {1}, so {2} would be left out; put quotes around a cell that holds {3}, or map the extra column</source>
        <translation>見出しの列は {1} 個ですが、この行には {0} 個のセルがあるため、{2} がインポートされません。{3}を含むセルを引用符で囲むか、余分な列を割り当ててください</translation>
    </message>
    <message>
        <source>{0} cells where most rows have {1}, so {2} would be left out; put quotes around a cell that holds {3}, or map the extra column</source>
        <translation>ほとんどの行のセルは {1} 個ですが、この行には {0} 個のセルがあるため、{2} がインポートされません。{3}を含むセルを引用符で囲むか、余分な列を割り当ててください</translation>
    </message>
    <message>
        <source>a {0}</source>
        <comment>a delimiter shown as typed</comment>
        <translation>{0}</translation>
    </message>
    <message>
        <source>a comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>a semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>a bar</source>
        <translation>縦線（|）</translation>
    </message>
    <message>
        <source>the word “{0}” is HTML markup alone, with no text to import</source>
        <translation>単語「{0}」は HTML のタグだけで、インポートする文字がありません</translation>
    </message>
    <message>
        <source>the meaning “{0}” is HTML markup alone, with no text to import</source>
        <translation>意味「{0}」は HTML のタグだけで、インポートする文字がありません</translation>
    </message>
    <message>
        <source>archive segment {0} is damaged ({1}); restore a backup</source>
        <translation>アーカイブのセグメント {0} が壊れています（{1}）。バックアップから復元してください</translation>
    </message>
    <message>
        <source>the database file's contents are damaged</source>
        <translation>データベースファイルの中身が壊れています</translation>
    </message>
    <message>
        <source>the file is not a database</source>
        <translation>データベースのファイルではありません</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>ディスクの読み書きができませんでした</translation>
    </message>
    <message>
        <source>the database file could not be opened</source>
        <translation>データベースファイルを開けませんでした</translation>
    </message>
    <message>
        <source>Another program is using this profile (an import, a sync or another command still running, or an Effect Desktop window); wait for it to finish, then restore. The profile was left as it was.</source>
        <translation>別のプログラムがこのプロファイルを使っています（実行中のインポート・同期・その他のコマンド、または Effect Desktop のウィンドウ）。終わるのを待ってから復元してください。プロファイルは元のままです。</translation>
    </message>
    <message>
        <source>{0} is a folder; give a file name for the export.</source>
        <translation>{0} はフォルダーです。書き出し先のファイル名を指定してください。</translation>
    </message>
    <message>
        <source>A sync of this profile is already running; wait for it to finish.</source>
        <translation>このプロファイルの同期はすでに実行中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Other devices kept changing the same words during the sync; run sync again in a moment.</source>
        <translation>同期中にほかの端末が同じ単語を変更し続けました。少し待ってからもう一度同期してください。</translation>
    </message>
    <message>
        <source>some of its pages are damaged</source>
        <translation>一部のページが壊れています</translation>
    </message>
    <message>
        <source>This file is a spreadsheet workbook (Excel or LibreOffice), which is not read as a word list; open it in the spreadsheet and save the sheet as "CSV UTF-8", then import that file.</source>
        <translation>このファイルは表計算ソフトのブック（Excel または LibreOffice）で、単語リストとしては読み込めません。表計算ソフトで開いてシートを「CSV UTF-8」として保存し、そのファイルをインポートしてください。</translation>
    </message>
    <message>
        <source>1 column; the mapping needs {0}; it looks like the rest of line {1}'s meaning, broken onto a line of its own: join it to line {1} (or put that meaning in quotes)</source>
        <translation>列が 1 個しかありません（この対応付けには {0} 列必要です）。{1} 行目の意味の続きが別の行に分かれたようです。{1} 行目につなげるか、その意味を引用符で囲んでください</translation>
    </message>
    <message>
        <source>No column separator was found: every line of the file is a single column (“{0}”), the file's separator being none of those offered; {1}.</source>
        <translation>列の区切りが見つかりませんでした。ファイルのどの行も 1 列です（「{0}」）。区切りが選べる文字のどれでもないため、{1}。</translation>
    </message>
    <message>
        <source>The whole file is one line: the cards run on without a line break between them (“{0}”). Save it with each word on a line of its own, or {1}.</source>
        <translation>ファイル全体が 1 行です。カードの間に改行がなく、続けて書かれています（「{0}」）。1 語ずつ別の行にして保存するか、{1}。</translation>
    </message>
    <message>
        <source>export it again with Tab between the word and its meaning and a new line between cards (in Quizlet: "Between term and definition: Tab", "Between rows: New line")</source>
        <translation>単語と意味の間をタブ、カードの間を改行にして書き出し直してください（Quizlet では用語と定義の間を「タブ」、行の間を「改行」に）</translation>
    </message>
    <message>
        <source>no space is left</source>
        <translation>空き容量がありません</translation>
    </message>
    <message>
        <source>{0} was made by a newer Effect Desktop (its store format is {1}; this version reads format {2}). Update Effect Desktop to open it; nothing was changed.</source>
        <translation>{0} は新しいバージョンの Effect Desktop で作成されています（保存形式 {1}。このバージョンが読めるのは形式 {2} までです）。開くには Effect Desktop を更新してください。ファイルは変更していません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>permission denied</source>
        <translation>権限がありません</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>the disk is read-only</source>
        <translation>ディスクが読み取り専用です</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Free some space on the disk, then try again.</source>
        <translation>ディスクの空き容量を確保してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Give your user account permission to write to that folder.</source>
        <translation>お使いのユーザーアカウントに、そのフォルダーへの書き込み権限を与えてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Make the disk writable (it is mounted read-only, or locked).</source>
        <translation>ディスクを書き込める状態にしてください（読み取り専用でマウントされているか、ロックされています）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Check the free disk space and the folder's permissions.</source>
        <translation>ディスクの空き容量とフォルダーの権限を確認してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Free some space on the disk, or choose another folder.</source>
        <translation>ディスクの空き容量を確保するか、別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Choose another folder, or give your user account permission to write to that one.</source>
        <translation>別のフォルダーを選ぶか、お使いのユーザーアカウントにそのフォルダーへの書き込み権限を与えてください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Choose a folder on another disk: this one is read-only.</source>
        <translation>別のディスクにあるフォルダーを選んでください。このディスクは読み取り専用です。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Check its permissions, or move away a file of that name.</source>
        <translation>権限を確認するか、同じ名前のファイルを移動してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backups folder {0} cannot be written ({1}). {2}</source>
        <translation>バックアップフォルダー {0} に書き込めません（{1}）。{2}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backup of {0} could not be written to {1} ({2}). {3}</source>
        <translation>{0} のバックアップを {1} に書き込めませんでした（{2}）。{3}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backup was not restored: it could not be copied into {0} ({1}), and the profile was left as it was. {2}</source>
        <translation>バックアップは復元されませんでした。{0} にコピーできなかったため（{1}）、プロファイルは元のままです。{2}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backup was not restored: the current state could not be backed up first to {0} ({1}), and the profile was left as it was. {2}</source>
        <translation>バックアップは復元されませんでした。復元の前に今の状態を {0} にバックアップできなかったため（{1}）、プロファイルは元のままです。{2}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backup could not be restored ({0}); the profile's state before is kept as {1}.</source>
        <translation>バックアップを復元できませんでした（{0}）。復元前のプロファイルの状態は {1} に保存されています。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The backup could not be restored ({0}).</source>
        <translation>バックアップを復元できませんでした（{0}）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The damaged profile could not be moved to {0} ({1}); nothing was changed.</source>
        <translation>壊れたプロファイルを {0} に移動できませんでした（{1}）。何も変更していません。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Nothing was imported: the backup made before an import could not be written to {0} ({1}). {2}</source>
        <translation>何もインポートしていません。インポートの前に作るバックアップを {0} に書き込めませんでした（{1}）。{2}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>Choose another folder.</source>
        <translation>別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>{0} could not be written ({1}). {2}</source>
        <translation>{0} に書き込めませんでした（{1}）。{2}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The data folder {0} is on a disk that is read-only (mounted so, or locked). Make the disk writable, or copy the profile to a folder you can write and start Effect Desktop with the environment variable EFFECT_DATA_DIR set to that folder.</source>
        <translation>データフォルダー {0} は読み取り専用のディスク上にあります（読み取り専用でマウントされているか、ロックされています）。ディスクを書き込める状態にするか、書き込めるフォルダーにプロファイルをコピーし、環境変数 EFFECT_DATA_DIR にそのフォルダーを指定して Effect Desktop を起動してください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/core_messages.py" line="1" />
        <source>The data folder {0} cannot be written (no permission). Make it writable for your user account (in the folder's properties, or ask its owner), or copy the profile to a folder you can write and start Effect Desktop with the environment variable EFFECT_DATA_DIR set to that folder.</source>
        <translation>データフォルダー {0} に書き込めません（権限がありません）。お使いのユーザーアカウントが書き込めるようにするか（フォルダーのプロパティで設定するか、所有者に依頼してください）、書き込めるフォルダーにプロファイルをコピーし、環境変数 EFFECT_DATA_DIR にそのフォルダーを指定して Effect Desktop を起動してください。</translation>
    </message>
    <message>
        <source>Difficulty must be a whole number from 1 to 5, not “{0}”.</source>
        <translation>難易度は 1 から 5 までの整数にしてください（「{0}」になっています）。</translation>
    </message>
    <message>
        <source>The profile {0} is damaged ({1}); what was saved before stays, and nothing more was written. Close Effect Desktop and open it again: it checks the file and offers to restore the latest backup, taking back what was done since.</source>
        <translation>プロファイル {0} が壊れています（{1}）。それまでに保存した内容は残り、これ以上は何も書き込まれていません。Effect Desktop を閉じて開き直してください。ファイルを確認し、最新のバックアップからの復元を提案します（その後に行った学習は取り戻されます）。</translation>
    </message>
    <message>
        <source>This file is an Effect Desktop history (a JSONL export), not a word list. A whole history is brought back with File → Backups… → From a history export….</source>
        <translation>このファイルは Effect Desktop の学習履歴（JSONL 形式の書き出し）で、単語リストではありません。履歴全体は ファイル → バックアップ… → 履歴の書き出しから… で戻せます。</translation>
    </message>
    <message>
        <source>Compacting needs about {0} MB free on the disk holding {1}; it has {2} MB. Nothing was changed. Free some space and try again.</source>
        <translation>圧縮には {1} があるディスクに約 {0} MB の空きが必要ですが、{2} MB しかありません。何も変更していません。空き容量を増やしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The disk holding {0} filled while compacting ({1}). What was archived before stays and reads as before; nothing is lost. Free some space: the next compaction goes on from there.</source>
        <translation>圧縮中に {0} があるディスクがいっぱいになりました（{1}）。それまでにアーカイブした分はそのまま残り、これまでどおり読めます。失われたものはありません。空き容量を増やしてください。次の圧縮はそこから続きます。</translation>
    </message>
    <message>
        <source>{0} is damaged: {1}. No backup was made. Close the app and open it again to restore the latest backup.</source>
        <translation>{0} が壊れています（{1}）。バックアップは作成していません。アプリを閉じて開き直すと、最新のバックアップから復元できます。</translation>
    </message>
    <message>
        <source>suspended in Anki (unsuspend it there and import the deck again to bring it)</source>
        <translation>Anki で保留中（Anki で保留を解除してから、もう一度デッキをインポートしてください）</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>&amp;Import words…</source>
        <translation>単語をインポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Export words as &amp;CSV…</source>
        <translation>単語を CSV で書き出す(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the &amp;history as JSON Lines…</source>
        <translation>履歴を JSON Lines で書き出す(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>Word &amp;history…</source>
        <translation>単語の履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>Export words</source>
        <translation>単語の書き出し</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln word(s) to {0}.</source>
        <translation><numerusform>%Ln 語を {0} に書き出しました。</numerusform></translation>
    </message>
    <message>
        <source>Exporting words…</source>
        <translation>単語を書き出しています…</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>履歴の書き出し</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to {0}.</source>
        <translation><numerusform>%Ln 件のイベントを {0} に書き出しました。</numerusform></translation>
    </message>
    <message>
        <source>Exporting the history…</source>
        <translation>履歴を書き出しています…</translation>
    </message>
    <message>
        <source>backed up today&apos;s profile</source>
        <translation>今日のプロファイルをバックアップしました</translation>
    </message>
    <message>
        <source>Sync is not installed: install Effect Desktop with its sync extra to sync (pip install &quot;effect-desktop[sync]&quot;, or &quot;.[sync]&quot; in a source folder).</source>
        <translation>同期機能がインストールされていません: pip install &quot;effect-desktop[sync]&quot;（ソースからは &quot;.[sync]&quot;）</translation>
    </message>
    <message>
        <source>compressed old events</source>
        <translation>古いイベントを圧縮しました</translation>
    </message>
    <message>
        <source>Finish or leave the session first: the study day&apos;s start cannot move during one.</source>
        <translation>先にセッションを完了するか中断してください。セッション中は学習日の始まりを変更できません。</translation>
    </message>
    <message>
        <source>A study day now starts at {0}:00; past days were recounted.</source>
        <translation>学習日の始まりを {0}:00 にしました。過去の日を数え直しました。</translation>
    </message>
    <message>
        <source>A study day now starts at {0}:00, as set on another device; past days were recounted.</source>
        <translation>別のデバイスでの設定に合わせて、学習日の始まりを {0}:00 にしました。過去の日を数え直しました。</translation>
    </message>
    <message>
        <source>Recounting past study days…</source>
        <translation>過去の学習日を数え直しています…</translation>
    </message>
    <message>
        <source>Restored the backup of {0}; the state before it is kept.</source>
        <translation>{0} のバックアップを復元しました（復元前の状態も保存済み）。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the things upkeep did</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Reviews are now scheduled by {0}, as chosen on another device.</source>
        <translation>別のデバイスでの選択により、復習の予定は {0} で立てられるようになりました。</translation>
    </message>
    <message numerus="yes">
        <source>import of %Ln word(s)</source>
        <translation><numerusform>%Ln 語のインポート</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>import of %Ln Anki review(s)</source>
        <translation><numerusform>Anki の復習 %Ln 回のインポート</numerusform></translation>
    </message>
    <message>
        <source>Today's backup could not be made ({0}); it is tried again at the next start.</source>
        <translation>今日のバックアップを作成できませんでした（{0}）。次回の起動時にもう一度試みます。</translation>
    </message>
    <message>
        <source>The backups folder {0}: {1}</source>
        <translation>バックアップの保存先 {0}: {1}</translation>
    </message>
    <message>
        <source>Cancelled: a study day still starts at {0}:00, and nothing was recounted.</source>
        <translation>取り消しました。学習日の区切りは {0}:00 のままで、何も数え直していません。</translation>
    </message>
    <message>
        <source>Finish or leave the session on the Study page first: one session runs at a time.</source>
        <translation>先に学習ページのセッションを完了するか中断してください。同時に進められるセッションは一つです。</translation>
    </message>
    <message>
        <source>That session is finished already.</source>
        <translation>そのセッションはすでに完了しています。</translation>
    </message>
</context>
<context>
    <name>DueText</name>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln 日後</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln か月後</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} か月後</translation>
    </message>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln 年後</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} years</source>
        <translation>{0} 年後</translation>
    </message>
    <message>
        <source>again in this session</source>
        <translation>このセッション中にもう一度</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Open the &amp;data folder</source>
        <translation>データフォルダーを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About Effect Desktop</source>
        <translation>Effect Desktop について(&amp;A)</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダー</translation>
    </message>
    <message>
        <source>No file manager could be opened. The data folder is:
{0}</source>
        <translation>ファイルマネージャーを開けませんでした。データフォルダーの場所:
{0}</translation>
    </message>
    <message>
        <source>About Effect Desktop</source>
        <translation>Effect Desktop について</translation>
    </message>
    <message>
        <source>Effect Desktop {0}: vocabulary study that keeps every answer as an event.

Profile: {1}
Log: {2}

Python {3}, PySide6 {4}, {5}</source>
        <translation>Effect Desktop {0}: すべての解答をイベントとして残す単語学習アプリ。

プロファイル: {1}
ログ: {2}

Python {3}, PySide6 {4}, {5}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Space, Enter</source>
        <translation>Space, Enter</translation>
    </message>
    <message>
        <source>Study: show the meaning; go on after a correction</source>
        <translation>学習: 意味を表示/訂正のあと次へ</translation>
    </message>
    <message>
        <source>1  2  3  4</source>
        <translation>1  2  3  4</translation>
    </message>
    <message>
        <source>Study: Again, Hard, Good, Easy (flashcards); a choice (multiple choice)</source>
        <translation>学習: もう一度・難しい・普通・簡単（フラッシュカード）/四択の選択肢</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Study: leave the session (it can be resumed)</source>
        <translation>学習: セッションを中断（あとで再開できます）</translation>
    </message>
    <message>
        <source>Words: delete the selected words</source>
        <translation>単語: 選択した単語を削除</translation>
    </message>
    <message>
        <source>Enter, double click</source>
        <translation>Enter、ダブルクリック</translation>
    </message>
    <message>
        <source>Words: edit a word; Sessions: show a session in the timeline</source>
        <translation>単語: 単語を編集/セッション: セッションをタイムラインで表示</translation>
    </message>
    <message>
        <source>Study: edit the word on the card</source>
        <translation>学習: カードの単語を編集</translation>
    </message>
</context>
<context>
    <name>Organizer</name>
    <message>
        <source>Set &amp;category…</source>
        <translation>カテゴリを設定(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Add a tag…</source>
        <translation>タグを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Remove a &amp;tag…</source>
        <translation>タグを外す(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Organize</source>
        <translation>整理(&amp;O)</translation>
    </message>
    <message>
        <source>Set category</source>
        <translation>カテゴリを設定</translation>
    </message>
    <message numerus="yes">
        <source>Category for %Ln word(s):</source>
        <translation>
            <numerusform>%Ln 語のカテゴリ:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>category “{0}” for %Ln word(s)</source>
        <translation><numerusform>%Ln 語のカテゴリ「{0}」</numerusform></translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>タグを追加</translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %Ln word(s):</source>
        <translation>
            <numerusform>%Ln 語に追加するタグ:</numerusform>
        </translation>
    </message>
    <message>
        <source>tag “{0}” added</source>
        <translation>タグ「{0}」の追加</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>タグを外す</translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %Ln word(s):</source>
        <translation>
            <numerusform>%Ln 語から外すタグ:</numerusform>
        </translation>
    </message>
    <message>
        <source>tag “{0}” removed</source>
        <translation>タグ「{0}」の削除</translation>
    </message>
    <message>
        <source>Nothing was changed: the selected words were deleted meanwhile by another program.</source>
        <translation>何も変更しませんでした。選んだ単語は、その間にほかのプログラムで削除されています。</translation>
    </message>
    <message numerus="yes">
        <source>Changing %Ln word(s)…</source>
        <translation><numerusform>%Ln 語を変更しています…</numerusform></translation>
    </message>
    <message>
        <source>tags {0} added</source>
        <translation>タグ{0}の追加</translation>
    </message>
    <message>
        <source>tags {0} removed</source>
        <translation>タグ{0}の削除</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>「{0}」</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between tags in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Done: {0}. Ctrl+Z takes it back.</source>
        <translation>完了しました: {0}。Ctrl+Z で取り消せます。</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（カテゴリなし）</translation>
    </message>
    <message numerus="yes">
        <source>no category for %Ln word(s)</source>
        <translation><numerusform>%Ln 語のカテゴリの解除</numerusform></translation>
    </message>
</context>
<context>
    <name>CurrentWordEditor</name>
    <message>
        <source>Edit word (Ctrl+E)</source>
        <translation>単語を編集 (Ctrl+E)</translation>
    </message>
    <message>
        <source>edit of “{0}”</source>
        <translation>「{0}」の編集</translation>
    </message>
</context>
<context>
    <name>UndoHistory</name>
    <message>
        <source>Undoing {0}…</source>
        <translation>{0}を元に戻しています…</translation>
    </message>
    <message>
        <source>Redoing {0}…</source>
        <translation>{0}をやり直しています…</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <source>Undo the import</source>
        <translation>インポートを元に戻す</translation>
    </message>
    <message>
        <source>Undo the {0}?</source>
        <translation>{0}を元に戻しますか？</translation>
    </message>
    <message numerus="yes">
        <source>%Ln studied word(s) among them: undoing the import deletes every word it added, these too. The answers stay in the history, and Redo brings the words back.</source>
        <translation><numerusform>うち %Ln 語はその後学習されています。インポートを元に戻すと、追加したすべての単語がこれらも含めて削除されます。解答は履歴に残り、やり直しで単語は戻ります。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The import brought %Ln review(s) from Anki. Undoing it deletes every word it added, but those answers stay in your history and statistics: Redo brings the words back with them (importing the package again would add the words anew, without their reviews). To take the whole import back, restore a backup from before it (File → Backups…).</source>
        <translation><numerusform>このインポートで Anki の復習 %Ln 回を取り込みました。元に戻すと追加した単語はすべて削除されますが、それらの解答は履歴と統計に残ります。やり直すと単語は解答とともに戻ります（同じパッケージをもう一度インポートすると、単語は復習なしの新しい単語として追加されます）。インポート全体を取り消すには、インポートより前のバックアップを復元してください（ファイル → バックアップ…）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The import gave %Ln review(s) from Anki to words already in your list, as answers; answers are not undone. To take the import back, restore a backup from before it (File → Backups…).</source>
        <translation><numerusform>このインポートでは、単語リストにある単語に Anki の復習 %Ln 回を解答として追加しました。解答は元に戻せません。インポートを取り消すには、インポートより前のバックアップを復元してください（ファイル → バックアップ…）。</numerusform></translation>
    </message>
    <message>
        <source>The switch to FSRS made with it stays; Scheduler… on the Timeline page switches back.</source>
        <translation>あわせて行った FSRS への切り替えはそのまま残ります。タイムラインの「スケジューラー…」で元に戻せます。</translation>
    </message>
</context>
</TS>