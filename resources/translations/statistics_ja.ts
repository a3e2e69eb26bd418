<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CalendarHeatmap</name>
    <message>
        <location filename="../../effect_desktop/gui/statistics/heatmap.py" line="124" />
        <source>Less</source>
        <translation>少</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/heatmap.py" line="130" />
        <source>More</source>
        <translation>多</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/statistics/heatmap.py" line="138" />
        <source>Current streak: %Ln day(s)</source>
        <translation><numerusform>現在の連続日数: %Ln 日</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/heatmap.py" line="138" />
        <source>No current streak</source>
        <translation>連続学習なし</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/statistics/heatmap.py" line="148" />
        <source>%1: %Ln answer(s)</source>
        <translation><numerusform>%1: 解答 %Ln 件</numerusform></translation>
    </message>
    <message>
        <source>Days with answers: {0}</source>
        <translation>解答した日数: {0}</translation>
    </message>
    <message>
        <source>Answers: {0}</source>
        <translation>解答数: {0}</translation>
    </message>
    <message>
        <source>Busiest day: {0}</source>
        <translation>最も解答が多かった日: {0}</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="37" />
        <location filename="../../effect_desktop/gui/statistics/card.py" line="64" />
        <source>Save as PNG…</source>
        <translation>PNG で保存…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="68" />
        <source>Save chart</source>
        <translation>グラフを保存</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="69" />
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="75" />
        <source>Could not save</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="76" />
        <source>The chart could not be saved to {0}: {1}. Choose another folder.</source>
        <translation>グラフを {0} に保存できませんでした: {1}。別のフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/card.py" line="84" />
        <source>the image could not be written</source>
        <translation>画像を書き込めませんでした</translation>
    </message>
    <message>
        <source>Save “{0}” as PNG…</source>
        <translation>「{0}」を PNG で保存…</translation>
    </message>
</context>
<context>
    <name>HardestWordsTable</name>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="21" />
        <source>Word</source>
        <translation>単語</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="21" />
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="21" />
        <source>Lapses</source>
        <translation>忘却</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="21" />
        <source>Reviews</source>
        <translation>復習</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="22" />
        <source>Easiness</source>
        <translation>容易度</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/hardest.py" line="34" />
        <source>Double-click a word (or press Enter) to open its history</source>
        <translation>単語をダブルクリック（または Enter）すると履歴を開きます</translation>
    </message>
    <message>
        <source>Times forgotten: a miss once the word was learned (SM-2), or after its first review (FSRS)</source>
        <translation>忘れた回数：覚えた後の不正解（SM-2）、または初回の復習より後の不正解（FSRS）</translation>
    </message>
    <message>
        <source>Reviews so far; a word not yet answered right at a review is listed after the lapses, by its reviews</source>
        <translation>これまでの復習の回数。復習でまだ一度も正解していない単語は、忘却のある単語の後に復習の回数順で並びます</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="82" />
        <source>Last 30 days</source>
        <translation>過去 30 日</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="82" />
        <source>Last year</source>
        <translation>過去 1 年</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="83" />
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="88" />
        <source>By day</source>
        <translation>日ごと</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="88" />
        <source>By week</source>
        <translation>週ごと</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="89" />
        <source>By month</source>
        <translation>月ごと</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="102" />
        <source>Some figures are empty because this profile was studied with an older version. Recount everything from the history once (Settings, or `effect-desktop rebuild`) to fill them.</source>
        <translation>このプロファイルは以前のバージョンで学習したため、一部の図が空です。設定の「履歴からすべてを数え直す…」を一度実行してください（または `effect-desktop rebuild`）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="109" />
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="112" />
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="113" />
        <source>&amp;Words:</source>
        <translation>単語(&amp;W):</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="124" />
        <source>Answers and accuracy</source>
        <translation>解答数と正答率</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="125" />
        <source>Time studied</source>
        <translation>学習時間</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="126" />
        <source>Response times</source>
        <translation>解答時間</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="127" />
        <source>Due reviews, next 30 days</source>
        <translation>今後 30 日の復習予定</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="128" />
        <source>Review intervals</source>
        <translation>復習間隔</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="129" />
        <source>Easiness</source>
        <translation>容易度</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="130" />
        <source>Hardest words</source>
        <translation>苦手な単語</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="166" />
        <source>Computing statistics as of {0}…</source>
        <translation>{0} 時点の統計を計算中…</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="177" />
        <source>The statistics as of {0} could not be computed: {1}</source>
        <translation>{0} 時点の統計を計算できませんでした: {1}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="181" />
        <source>As of {0}</source>
        <translation>過去の時点: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="207" />
        <source>All words</source>
        <translation>すべての単語</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="210" />
        <source>Category: {0}</source>
        <translation>カテゴリ: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="212" />
        <source>Tag: {0}</source>
        <translation>タグ: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="238" />
        <source>Answers: {0} · correct: {1} · minutes studied: {2} · words: {3} · streak: {4} · due today: {5}</source>
        <translation>解答: {0} · 正答率: {1} · 学習時間: {2} 分 · 単語: {3} · 連続: {4} 日 · 復習待ち: {5}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../effect_desktop/gui/statistics/page.py" line="242" />
        <source>Outlined: the current streak of %Ln day(s).</source>
        <translation><numerusform>枠線: 現在の連続学習 %Ln 日。</numerusform></translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="245" />
        <location filename="../../effect_desktop/gui/statistics/page.py" line="252" />
        <source>Answers</source>
        <translation>解答数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="246" />
        <source>Accuracy (%)</source>
        <translation>正答率 (%)</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="248" />
        <source>minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="249" />
        <source>Time spent answering these words (sessions mix words).</source>
        <translation>これらの単語の解答にかかった時間（セッションには他の単語も含まれるため）。</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="253" />
        <source>seconds (each band from)</source>
        <translation>秒（各帯の下限）</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="255" />
        <source>Reviews</source>
        <translation>復習</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="256" />
        <source>days from today</source>
        <translation>今日からの日数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="257" />
        <source>Overdue now: {0}</source>
        <translation>期限切れ: {0}</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="260" />
        <location filename="../../effect_desktop/gui/statistics/page.py" line="263" />
        <source>Words</source>
        <translation>単語数</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="261" />
        <source>days (each band from)</source>
        <translation>日（各帯の下限）</translation>
    </message>
    <message>
        <location filename="../../effect_desktop/gui/statistics/page.py" line="265" />
        <source>easiness factor</source>
        <translation>容易度係数 (EF)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Time studied ({0})</source>
        <translation>学習時間（{0}）</translation>
    </message>
    <message>
        <source>G&amp;roup:</source>
        <translation>集計(&amp;R):</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>カテゴリなし</translation>
    </message>
    <message>
        <source>Answers per day</source>
        <translation>1 日あたりの解答数</translation>
    </message>
    <message>
        <source>Calendar shown</source>
        <translation>表示するカレンダー</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>過去 12 か月</translation>
    </message>
    <message>
        <source>Answers per day, last 12 months</source>
        <translation>1 日あたりの解答数（過去 12 か月）</translation>
    </message>
    <message>
        <source>Answers per day, {0}</source>
        <translation>1 日あたりの解答数（{0} 年）</translation>
    </message>
    <message>
        <source>The statistics could not be read: {0}</source>
        <translation>統計を読み込めませんでした: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Accuracy (%, %n day(s) a point)</source>
        <translation><numerusform>正答率 (%、%n 日ごとの点)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accuracy (%, %n week(s) a point)</source>
        <translation><numerusform>正答率 (%、%n 週ごとの点)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Accuracy (%, %n month(s) a point)</source>
        <translation><numerusform>正答率 (%、%n か月ごとの点)</numerusform></translation>
    </message>
</context>
</TS>