<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>BackupDialog</name>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="44" />
            <source>Backups</source>
            <translation>バックアップ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="59" />
            <source>Taken</source>
            <translation>作成日時</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="59" />
            <source>Why</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="59" />
            <source>Size</source>
            <translation>サイズ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="66" />
            <source>Back up &amp;now</source>
            <translation>今すぐバックアップ(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="68" />
            <source>&amp;Restore…</source>
            <translation>復元(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="71" />
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="82" />
            <source>%Ln backup(s) in {0}</source>
            <translation><numerusform>{0} にバックアップが %Ln 件あります</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="108" />
            <source>Restore this backup?</source>
            <translation>このバックアップを復元しますか？</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="109" />
            <source>The profile will be closed and replaced by the backup taken {0}. Its current state is backed up first, so this can be undone.</source>
            <translation>プロファイルを閉じて、{0} に作成したバックアップで置き換えます。現在の状態は先にバックアップされるため、元に戻せます。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="34" />
            <source>by hand</source>
            <translation>手動</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="34" />
            <source>daily</source>
            <translation>毎日</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="34" />
            <source>before an import</source>
            <translation>インポート前</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="35" />
            <source>before a restore</source>
            <translation>復元前</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/backup_dialog.py" line="35" />
            <source>before a sync</source>
            <translation>同期前</translation>
        </message>
        <message>
        <source>Restoring the backup taken {0}…</source>
        <translation>{0} のバックアップを復元しています…</translation>
    </message>
    <message>
        <source>From a &amp;history export…</source>
        <translation>履歴の書き出しから(&amp;H)…</translation>
    </message>
    <message>
        <source>Bring back a history</source>
        <translation>履歴を戻す</translation>
    </message>
    <message>
        <source>History exports (*.jsonl);;All files (*)</source>
        <translation>履歴の書き出し (*.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Bring back this history?</source>
        <translation>この履歴を戻しますか？</translation>
    </message>
    <message>
        <source>The profile will be closed and replaced by the history in {0}. Its current state is backed up first, so this can be undone.</source>
        <translation>プロファイルを閉じ、{0} の履歴で置き換えます。現在の状態は先にバックアップされるので、元に戻せます。</translation>
    </message>
    <message>
        <source>Reading the history in {0}…</source>
        <translation>{0} の履歴を読み込んでいます…</translation>
    </message>
    <message>
        <source>Reading the history in {0}: {1} of {2} events…</source>
        <translation>{0} の履歴を読み込んでいます：{2} 件中 {1} 件…</translation>
    </message>
    <message>
        <source>from a history export</source>
        <translation>履歴の書き出しから</translation>
    </message>
    <message>
        <source>damaged, set aside by a restore</source>
        <translation>破損（復元時に退避）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>中止(&amp;S)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
    <message>
        <source>Stopped: nothing was brought back, and the profile is as it was.</source>
        <translation>中止しました。履歴は取り込んでおらず、プロファイルは元のままです。</translation>
    </message>
</context>
    <context>
        <name>DetailPane</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="34" />
            <source>Choose an event to see its details.</source>
            <translation>イベントを選ぶと詳細が表示されます。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="39" />
            <source>Go to the ca&amp;use</source>
            <translation>原因へ移動(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="46" />
            <source>This w&amp;ord's history…</source>
            <translation>この単語の履歴(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="50" />
            <source>Only this wo&amp;rd</source>
            <translation>この単語だけ表示(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="53" />
            <source>Only this &amp;session</source>
            <translation>このセッションだけ表示(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="65" />
            <source>Effects and the rest of the same action:</source>
            <translation>結果と、同じ操作のほかのイベント:</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="67" />
            <source>Payload and metadata:</source>
            <translation>ペイロードとメタデータ:</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="85" />
            <source>%1 · %2 #%3 · version %4</source>
            <translation>%1 · %2 #%3 · バージョン %4</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="90" />
            <source>effect</source>
            <translation>結果</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/detail.py" line="90" />
            <source>same action</source>
            <translation>同じ操作</translation>
        </message>
        <message numerus="yes">
            <source>%Ln event(s) of one action. Open the row (→) to list them, and choose one to see its details.</source>
            <translation>
                <numerusform>ひとつの操作によるイベント %Ln 件です。行を開く（→）と一覧が表示され、選ぶと詳細が表示されます。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="24" />
            <source>All events</source>
            <translation>すべてのイベント</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="29" />
            <source>Search words or kinds of event…</source>
            <translation>単語またはイベントの種類で検索…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="31" />
            <source>Fro&amp;m</source>
            <translation>開始日(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="35" />
            <source>&amp;to</source>
            <translation>終了日(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="44" />
            <source>Click to show every word and session again</source>
            <translation>クリックすると、すべての単語とセッションを再び表示します</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="62" />
            <source>Word: %1 ✕</source>
            <translation>単語: %1 ✕</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/filters.py" line="67" />
            <source>This session ✕</source>
            <translation>このセッション ✕</translation>
        </message>
        <message>
        <source>Search the timeline</source>
        <translation>タイムラインを検索</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>表示する最初の日</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>表示する最後の日</translation>
    </message>
</context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="92" />
            <location filename="../../effect_desktop/gui/import_dialog.py" line="181" />
            <source>Import words</source>
            <translation>単語のインポート</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="107" />
            <source>Choose a CSV, TSV or Anki (.apkg) file.</source>
            <translation>CSV、TSV、または Anki (.apkg) ファイルを選んでください。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="109" />
            <source>Choose &amp;file…</source>
            <translation>ファイルを選択(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="122" />
            <source>Encoding</source>
            <translation>文字コード</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="123" />
            <source>Columns separated by</source>
            <translation>区切り文字</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="124" />
            <source>Detected</source>
            <translation>検出結果</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="128" />
            <source>Which column is which (the preview shows the first rows):</source>
            <translation>各列の内容（プレビューには最初の行が表示されます）:</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="136" />
            <source>A word with the same text and meaning already exists:</source>
            <translation>同じ単語と意味がすでにある場合:</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="137" />
            <source>skip it</source>
            <translation>スキップする</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="138" />
            <source>update its category, tags and difficulty</source>
            <translation>カテゴリ・タグ・難易度を更新する</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="147" />
            <source>Leave out rows that cannot be imported</source>
            <translation>インポートできない行を除外する</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="152" />
            <source>Rows that cannot be imported:</source>
            <translation>インポートできない行:</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="160" />
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="162" />
            <source>&amp;Import</source>
            <translation>インポート(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="182" />
            <source>Word lists and decks (*.csv *.tsv *.txt *.apkg *.colpkg);;All files (*)</source>
            <translation>単語リストとデッキ (*.csv *.tsv *.txt *.apkg *.colpkg);;すべてのファイル (*)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="197" />
            <source>Reading the deck…</source>
            <translation>デッキを読み込んでいます…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="202" />
            <source>Reading the file…</source>
            <translation>ファイルを読み込んでいます…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/import_dialog.py" line="207" />
            <source>{0}, {1}, %Ln row(s){2}</source>
            <translation><numerusform>{0}、{1}区切り、%Ln 行{2}</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="209" />
            <source>, first row is a header</source>
            <translation>、1行目は見出し</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/import_dialog.py" line="219" />
            <source>Anki deck, %Ln note(s)</source>
            <translation><numerusform>Anki デッキ、%Ln 件のノート</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="260" />
            <source>… and {0} more</source>
            <translation>…ほか {0} 件</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="279" />
            <source>Checking and importing…</source>
            <translation>確認してインポートしています…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/import_dialog.py" line="285" />
            <source>%Ln row(s) cannot be imported; fix the file or leave them out.</source>
            <translation><numerusform>%Ln 行をインポートできません。ファイルを修正するか、それらの行を除外してください。</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="297" />
            <source>Cancelling…</source>
            <translation>キャンセルしています…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="50" />
            <source>Detect</source>
            <translation>自動検出</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="51" />
            <source>Comma</source>
            <translation>カンマ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="51" />
            <source>Tab</source>
            <translation>タブ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="51" />
            <source>Semicolon</source>
            <translation>セミコロン</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="51" />
            <source>Vertical bar</source>
            <translation>縦棒</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="52" />
            <source>Word</source>
            <translation>単語</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="52" />
            <source>Meaning</source>
            <translation>意味</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="52" />
            <source>Category</source>
            <translation>カテゴリ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="52" />
            <source>Tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="53" />
            <source>Difficulty</source>
            <translation>難易度</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/import_dialog.py" line="53" />
            <source>(ignore)</source>
            <translation>（無視）</translation>
        </message>
        <message>
            <source>note {0}</source>
            <translation>ノート {0}</translation>
        </message>
        <message>
            <source>line {0}</source>
            <translation>{0} 行目</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>Checking the rows…</source>
            <translation>行を確認しています…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln new word(s)</source>
            <translation><numerusform>新しい単語 %Ln 語</numerusform></translation>
        </message>
        <message>
            <source>{0} to update</source>
            <translation>更新 {0} 語</translation>
        </message>
        <message>
            <source>{0} already in your list (skipped)</source>
            <translation>登録済み {0} 語（スキップ）</translation>
        </message>
        <message numerus="yes">
            <source>%Ln row(s) cannot be imported</source>
            <translation><numerusform>インポートできない行 %Ln 行</numerusform></translation>
        </message>
        <message>
            <source>Checked: {0}.</source>
            <translation>確認結果: {0}。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message numerus="yes">
            <source>%Ln word(s) added</source>
            <translation><numerusform>%Ln 語を追加</numerusform></translation>
        </message>
        <message>
            <source>{0} updated</source>
            <translation>{0} 語を更新</translation>
        </message>
        <message numerus="yes">
            <source>%Ln duplicate(s) skipped</source>
            <translation><numerusform>重複 %Ln 語をスキップ</numerusform></translation>
        </message>
        <message numerus="yes">
            <source>%Ln bad row(s) left out</source>
            <translation><numerusform>インポートできない行 %Ln 行を除外</numerusform></translation>
        </message>
        <message>
            <source>Import finished: {0}.</source>
            <translation>インポート完了: {0}。</translation>
        </message>
        <message>
        <source>The first rows of the file</source>
        <translation>ファイルの最初の数行</translation>
    </message>
    <message>
        <source>Column {0}</source>
        <translation>列 {0}</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>1行目は見出し（列名）</translation>
    </message>
    <message>
        <source>Notes that cannot be imported (they are left out):</source>
        <translation>インポートできないノート（除外されます）:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) cannot be imported (left out)</source>
        <translation>
            <numerusform>インポートできないノート %Ln 件（除外）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) left out</source>
        <translation>
            <numerusform>ノート %Ln 件を除外</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} repeated in the file (skipped)</source>
        <translation>ファイル内の重複 {0} 語（スキップ）</translation>
    </message>
    <message>
        <source>Saving the words… This cannot be cancelled now; it takes a moment.</source>
        <translation>単語を保存しています… この段階ではキャンセルできません。しばらくお待ちください。</translation>
    </message>
        <message>
            <source>, Anki's notes without header lines (their HTML read as text)</source>
            <translation>、Anki のノート（見出し行なし、HTML はテキストとして読み込み）</translation>
        </message>
        <message>
            <source>, Anki's notes in plain text</source>
            <translation>、Anki のノート（テキスト形式）</translation>
        </message>
        <message>
            <source>Note type “{0}”: the word from its field “{1}”, the meaning from “{2}”</source>
            <translation>ノートタイプ「{0}」：単語はフィールド「{1}」、意味は「{2}」から</translation>
        </message>
        <message>
            <source>Note type “{0}”: the word from its field “{1}”, the meaning from “{2}”, its reading from “{3}” (after the meaning)</source>
            <translation>ノートタイプ「{0}」：単語はフィールド「{1}」、意味は「{2}」、読みは「{3}」から（意味の後に）</translation>
        </message>
    <message>
        <source>Anki's notes: HTML read as text, the last column as tags</source>
        <translation>Anki のノートとして読む（HTML はテキストとして、最後の列はタグとして）</translation>
    </message>
    <message>
        <source>Column {0}, “{1}”, is imported as</source>
        <translation>{0} 列目「{1}」の取り込み先</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧言語）</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European)</source>
        <translation>Windows-1250（中欧言語）</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251（キリル文字）</translation>
    </message>
    <message>
        <source>Windows-1253 (Greek)</source>
        <translation>Windows-1253（ギリシャ語）</translation>
    </message>
    <message>
        <source>Windows-1254 (Turkish)</source>
        <translation>Windows-1254（トルコ語）</translation>
    </message>
    <message>
        <source>Windows-1257 (Baltic)</source>
        <translation>Windows-1257（バルト諸語）</translation>
    </message>
    <message>
        <source>Windows-1255 (Hebrew)</source>
        <translation>Windows-1255（ヘブライ語）</translation>
    </message>
    <message>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256（アラビア語）</translation>
    </message>
    <message>
        <source>Windows-1258 (Vietnamese)</source>
        <translation>Windows-1258（ベトナム語）</translation>
    </message>
    <message>
        <source>Windows-874 (Thai)</source>
        <translation>Windows-874（タイ語）</translation>
    </message>
    <message>
        <source>GB18030 (Simplified Chinese)</source>
        <translation>GB18030（簡体字中国語）</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体字中国語）</translation>
    </message>
    <message>
        <source>EUC-KR / CP949 (Korean)</source>
        <translation>EUC-KR / CP949（韓国語）</translation>
    </message>
    <message>
        <source>EUC-JP (Japanese)</source>
        <translation>EUC-JP（日本語）</translation>
    </message>
    <message>
        <source>KOI8-R (Russian)</source>
        <translation>KOI8-R（ロシア語）</translation>
    </message>
    <message>
        <source>Shift_JIS (CP932)</source>
        <translation>Shift_JIS（CP932）</translation>
    </message>
    <message numerus="yes">
        <source>%Ln review(s), from {0} to {1}</source>
        <translation><numerusform>復習 %Ln 回（{0}〜{1}）</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln review(s) from Anki kept as answers</source>
        <translation><numerusform>Anki の復習 %Ln 回を解答として保存</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln review(s) of words you already have (or had) left out</source>
        <translation><numerusform>既にある（または削除した）単語の復習 %Ln 回は取り込まず</numerusform></translation>
    </message>
    <message>
        <source>Keep the review history as answers</source>
        <translation>復習の履歴を解答として残す</translation>
    </message>
    <message>
        <source>Each Anki review becomes an answer on the day it was given, so each word's schedule, your statistics and the timeline go on from there. Untick it to start every word afresh.</source>
        <translation>Anki での復習をそれぞれ、その日の解答として取り込みます。単語ごとの復習予定、統計、タイムラインがそこから続きます。チェックを外すと、すべての単語を新しく始めます。</translation>
    </message>
    <message numerus="yes">
        <source>Anki collection, %Ln note(s)</source>
        <translation><numerusform>Anki コレクション、%Ln 件のノート</numerusform></translation>
    </message>
    <message>
        <source>Schedule by FSRS from now on (recommended)</source>
        <translation>今後は FSRS で復習予定を決める（推奨）</translation>
    </message>
    <message>
        <source>SM-2 counts every Anki review as if it came when the word was due, and would push many words years away; FSRS counts the time between reviews. Scheduler… on the Timeline page switches back at any time.</source>
        <translation>SM-2 は Anki での復習をすべて期日どおりに行われたものとして数えるため、多くの単語の次回の復習が何年も先になります。FSRS は復習の間隔を考慮します。タイムラインの「スケジューラー…」でいつでも戻せます。</translation>
    </message>
    <message>
        <source>scheduled by FSRS from now on</source>
        <translation>今後は FSRS で復習予定を決定</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/import_dialog.py" line="1" />
        <source>Nothing was imported: the backup before it could not be made ({0}).</source>
        <translation>何もインポートしていません。その前のバックアップを作成できませんでした（{0}）。</translation>
    </message>
        <message numerus="yes">
            <source>%Ln with a new meaning for a word you have (added as another word)</source>
            <translation>
                <numerusform>既存の単語に新しい意味を持つもの %Ln 語（別の単語として追加）</numerusform>
            </translation>
        </message>
        <message>
            <source>…and take a row&apos;s new meaning for the only word of its text (an edited copy of your list)</source>
            <translation>…さらに、同じ単語が 1 語だけのとき行の新しい意味を取り込む（単語リストを編集したもの）</translation>
        </message>
        <message numerus="yes">
            <source>%Ln of them with a new meaning</source>
            <translation>
                <numerusform>うち %Ln 語は意味も更新</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Note type “{0}”: not imported, its field(s) {1}</source>
            <translation><numerusform>ノートタイプ「{0}」：取り込まれないフィールド {1}</numerusform></translation>
        </message>
        <message>
            <source>“{0}”</source>
            <translation>「{0}」</translation>
        </message>
        <message>
            <source>, </source>
            <comment>between field names</comment>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>FieldChanges</name>
        <message>
            <source>word</source>
            <translation>単語</translation>
        </message>
        <message>
            <source>meaning</source>
            <translation>意味</translation>
        </message>
        <message>
            <source>category</source>
            <translation>カテゴリ</translation>
        </message>
        <message>
            <source>tags</source>
            <translation>タグ</translation>
        </message>
        <message>
            <source>difficulty</source>
            <translation>難易度</translation>
        </message>
</context>
    <context>
        <name>IntervalChart</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="40" />
            <source>No reviews yet</source>
            <translation>まだ復習はありません</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="62" />
            <source>%1 d</source>
            <translation>%1 日</translation>
        </message>
    </context>
    <context>
        <name>PastView</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation><numerusform>%Ln 日</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="154" />
            <source>&amp;Compare with now</source>
            <translation>現在と比較(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="172" />
            <source>THE PAST — as of %1 (read-only). Nothing here can be changed.</source>
            <translation>過去の状態 — %1 時点（読み取り専用）。ここでは何も変更できません。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="175" />
            <source>%1 · streak %2 · %3 (%4% correct) · %5 · scheduler %6</source>
            <translation>%1 · 連続学習 %2 · %3（正答率 %4%）· %5 · スケジューラー %6</translation>
        </message>
        <message numerus="yes">
            <source>%Ln word(s)</source>
            <translation><numerusform>%Ln 語</numerusform></translation>
        </message>
        <message numerus="yes">
            <source>%Ln answer(s)</source>
            <translation><numerusform>解答 %Ln 問</numerusform></translation>
        </message>
        <message numerus="yes">
            <source>%Ln session(s)</source>
            <translation><numerusform>セッション %Ln 回</numerusform></translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="186" />
            <source>Nothing changed since then.</source>
            <translation>その後の変更はありません。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="188" />
            <source>Since then: %1 added, %2 deleted, %3 edited, %4 with progress moved.</source>
            <translation>その後の変化: 追加 %1 語、削除 %2 語、編集 %3 語、学習進度の変化 %4 語。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="193" />
            <source>Added since: %1</source>
            <translation>その後に追加: %1</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="195" />
            <source>Deleted since: %1</source>
            <translation>その後に削除: %1</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="198" />
            <source>Edited: %1 (%2)</source>
            <translation>編集: %1（%2）</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="203" />
            <source>interval %1 → %2 d</source>
            <translation>復習間隔 %1 → %2 日</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="205" />
            <source>next review %1 → %2</source>
            <translation>次回の復習 %1 → %2</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="207" />
            <source>schedule moved</source>
            <translation>復習予定が変更</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="208" />
            <source>Progress: %1 (%2)</source>
            <translation>学習進度: %1（%2）</translation>
        </message>
        <message>
        <source>Words at that moment</source>
        <translation>その時点の単語</translation>
    </message>
    <message>
        <source>What changed since then</source>
        <translation>その時点からの変化</translation>
    </message>
    <message>
        <source>Since then: %1 added, %5 restored, %2 deleted, %3 edited, %4 with progress moved.</source>
        <translation>その後の変化: 追加 %1 語、復元 %5 語、削除 %2 語、編集 %3 語、学習進度の変化 %4 語。</translation>
    </message>
    <message>
        <source>Restored since: %1</source>
        <translation>その後に復元: %1</translation>
    </message>
    <message>
        <source>%1 · streak %2 · %3 · %5 · scheduler %6</source>
        <translation>%1 · 連続学習 %2 · %3 · %5 · スケジューラー %6</translation>
    </message>
</context>
    <context>
        <name>PastWordsModel</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="112" />
            <source>Word</source>
            <translation>単語</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="112" />
            <source>Meaning</source>
            <translation>意味</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="112" />
            <source>Repetitions</source>
            <translation>反復回数</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="112" />
            <source>EF</source>
            <translation>容易度</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="113" />
            <source>Interval</source>
            <translation>復習間隔</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="113" />
            <source>Next review</source>
            <translation>次回の復習</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="127" />
            <source>new</source>
            <translation>新規</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/timeline/past.py" line="128" />
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln 日</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QDialog</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="119" />
            <source>Word history</source>
            <translation>単語の履歴</translation>
        </message>
    </context>
    <context>
        <name>SchedulerDialog</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="33" />
            <source>Scheduler</source>
            <translation>スケジューラー</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="39" />
            <source>SM-2 (SuperMemo 2, as designed)</source>
            <translation>SM-2（SuperMemo 2、原典どおり）</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="40" />
            <source>FSRS (Free Spaced Repetition Scheduler)</source>
            <translation>FSRS（Free Spaced Repetition Scheduler）</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="42" />
            <source>&amp;Replay my history under it</source>
            <translation>このスケジューラーで履歴を再生(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="45" />
            <source>Now using: %1. Nothing changes until you confirm.</source>
            <translation>現在の方式: %1。確定するまで何も変更されません。</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/scheduler_dialog.py" line="52" />
            <source>Switch</source>
            <translation>切り替える</translation>
        </message>
        <message>
        <source>Words whose next review would move</source>
        <translation>次の復習日が変わる単語</translation>
    </message>
    <message>
        <source>Replaying your history…</source>
        <translation>履歴を再生しています…</translation>
    </message>
    <message>
        <source>Switching the scheduler…</source>
        <translation>スケジューラーを切り替えています…</translation>
    </message>
    <message>
        <source>Replayed %1 reviews of %2 words (a word's first answer in each session: what a schedule counts). Due now: %4 → %5. Due within a week: %6 → %7. %8 words would move.</source>
        <translation>%2 語の復習 %1 回を再生しました（復習として数えるのは、各単語のセッションごとの最初の解答です）。現在の復習待ち: %4 → %5。1週間以内の復習待ち: %6 → %7。%8 語の復習予定が変わります。</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>復習待ち</translation>
    </message>
</context>
    <context>
        <name>TimelineModel</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/model.py" line="125" />
            <source>Time</source>
            <translation>時刻</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/model.py" line="125" />
            <source>What happened</source>
            <translation>出来事</translation>
        </message>
        <message numerus="yes">
            <location filename="../../effect_desktop/gui/timeline/model.py" line="141" />
            <source>%Ln event(s) that day</source>
            <translation>
                <numerusform>この日のイベント %Ln 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{0} of %Ln event(s) that day</source>
            <translation>
                <numerusform>この日のイベント %Ln 件中 {0} 件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln event(s) of one action: open the row to list them</source>
            <translation>
                <numerusform>ひとつの操作によるイベント %Ln 件：行を開くと一覧が表示されます</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelinePage</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/page.py" line="101" />
            <source>Sche&amp;duler…</source>
            <translation>スケジューラー(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/page.py" line="119" />
            <source>%1 events</source>
            <translation>イベント %1 件</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/page.py" line="189" />
            <source>Time travel is slower for now: %1</source>
            <translation>タイムトラベルは現在低速です: %1</translation>
        </message>
        <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>The start date is after the end date: no day lies between them. Pick a start on or before the end.</source>
        <translation>開始日が終了日より後になっています。その間に入る日はありません。開始日を終了日と同じ日か、それより前にしてください。</translation>
    </message>
    <message>
        <source>%1 of %2 events match the filter</source>
        <translation>%2 件中 %1 件のイベントがフィルターに一致</translation>
    </message>
    <message>
        <source>Going back in time…</source>
        <translation>過去の状態を読み込んでいます…</translation>
    </message>
    <message>
        <source>Comparing with now…</source>
        <translation>現在と比べています…</translation>
    </message>
    <message>
        <source>Back to the ne&amp;west events</source>
        <translation>最新のイベントに戻る(&amp;W)</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>イベントを読み込んでいます…</translation>
    </message>
    <message>
        <source>Loading more events…</source>
        <translation>続きのイベントを読み込んでいます…</translation>
    </message>
    <message>
        <source>The events could not be read: %1</source>
        <translation>イベントを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Reviews are now scheduled by {0}.</source>
        <translation>復習の予定は {0} で立てられるようになりました。</translation>
    </message>
</context>
    <context>
        <name>TravelBar</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="48" />
            <source>Show the &amp;past</source>
            <translation>過去を表示(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="51" />
            <source>Back to &amp;now</source>
            <translation>現在に戻る(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/past.py" line="56" />
            <source>Time tra&amp;vel:</source>
            <translation>タイムトラベル(&amp;V):</translation>
        </message>
        <message>
        <source>Moment in the history</source>
        <translation>履歴の中の時点</translation>
    </message>
</context>
    <context>
        <name>WordHistoryDialog</name>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="76" />
            <source> (deleted)</source>
            <translation>（削除済み）</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="77" />
            <source>History of %1</source>
            <translation>%1 の履歴</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="81" />
            <source>When</source>
            <translation>日時</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="81" />
            <source>What happened</source>
            <translation>出来事</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="81" />
            <source>Before → after</source>
            <translation>変更前 → 変更後</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="83" />
            <source> (undone)</source>
            <translation>（取り消し済み）</translation>
        </message>
        <message>
            <location filename="../../effect_desktop/gui/timeline/word_history.py" line="97" />
            <source>Interval over time (days)</source>
            <translation>復習間隔の推移（日）</translation>
        </message>
        <message>
        <source>Interval over time (days), as {0} schedules these answers</source>
        <translation>間隔の推移（日）：これらの解答を {0} でスケジュールした場合</translation>
    </message>
</context>
</TS>
