#include "guard/injection_phrases.h"

#include <array>

namespace ts::guard {

namespace {

using On = InjectionPhrase::On;

constexpr std::string_view kOverride = "instruction_override";
constexpr std::string_view kRole = "role_play";
constexpr std::string_view kDelimiter = "spoofed_delimiter";

// Folded text is lower case without accents, so "Ignorez les consignes précédentes" reads
// "ignorez les consignes precedentes". Stems end in [^ ]* to take any inflection.
constexpr std::array kPhrases{
    // English: override the instructions.
    InjectionPhrase{kOverride, 0.8, On::Words,
                    "(ignore|ignoring|disregard|forget|skip|override|bypass|discard|abandon|neglect|overlook|"
                    "set aside|do not follow|don t follow|dont follow|stop following|cancel|drop)~ "
                    "(previous|prior|above|earlier|preceding|foregoing|former|original|initial|existing|old|"
                    "system|developer|given|past|all)~ (instructions?|directions?|prompts?|rules|guidelines|"
                    "commands?|directives?|constraints|restrictions|programming|guardrails|policies|"
                    "safety guidelines|orders)",
                    "asks to ignore previous instructions"},
    InjectionPhrase{kOverride, 0.7, On::Words,
                    "(ignore|disregard|forget) (the|all|everything|anything)( of)?( the| that)? "
                    "(above|previous|preceding|before|prior|said)( text| content)?( and| then| instead)",
                    "asks to ignore the text above"},
    InjectionPhrase{
        kOverride, 0.75, On::Words,
        "(ignore|disregard|forget) (everything|all|anything|whatever)( that)? (you ve been|you have been|"
        "you were|i ve|i have|i|we|they|you ve|you) (told|said|instructed|taught|given|written|asked)",
        "asks to forget what it was told"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(ignore|ignoring|disregard|forget|override|bypass|break|abandon|drop) (all )?(of )?(your|its) "
        "(rules|guidelines|instructions|programming|restrictions|safety rules|safety guidelines|"
        "principles|directives)|(rules|instructions|guidelines) (you were|you ve been|you have been) given",
        "asks to drop its rules"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(ignore|disregard|forget) (all )?(the )?(previous|prior|above|earlier|preceding) (context|"
        "conversation|messages|input)",
        "asks to ignore the earlier context"},
    InjectionPhrase{kOverride, 0.7, On::Words,
                    "forget (everything|all)( of)?( this| that)? (above|before|so far|previously|prior)",
                    "asks to forget everything before"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(do not|don t|dont|never|stop|no longer) (follow|obey|adhere to|comply with|listen to|respect)"
        "~ (your|the|any|these|those) (previous |original |system |prior |initial |old )?"
        "(instructions|rules|guidelines|programming|system prompt|directives)",
        "asks not to follow its instructions"},
    InjectionPhrase{
        kOverride, 0.6, On::Words,
        "(your|the) (new|real|actual|true|updated|only|revised) (instructions|task|rules|objective|"
        "directive|goal|orders|purpose|mission|prompt) (are|is|now)",
        "announces new instructions"},
    InjectionPhrase{
        kOverride, 0.65, On::Words,
        "you (are|re) (now|no longer) (free|unrestricted|unfiltered|uncensored|jailbroken|dan|bound|"
        "restricted|limited|an ai|chatgpt|claude|in (developer|god|dan|unrestricted|jailbreak|admin|debug) "
        "mode|going to (act|pretend)|called|named|evil|an? (unrestricted|unfiltered|evil|new ai|ai "
        "without))",
        "tells the model what it is now"},
    InjectionPhrase{kOverride, 0.4, On::Words, "you (are|re) now (a|an|my|the)",
                    "tells the model what it is now"},
    InjectionPhrase{
        kOverride, 0.45, On::Words,
        "from now on (you|you ll|you will|you are|you must|your|act|respond|answer|reply|always|never|"
        "pretend|ignore|only)",
        "sets rules from now on"},
    InjectionPhrase{kOverride, 0.7, On::Words,
                    "(reveal|print|show|output|repeat|display|leak|tell me|write out|give me|dump|echo|share|"
                    "paste|recite|spell out|translate|summarize|what (is|are|was|were))~ (your|the|its) "
                    "(system|initial|original|hidden|secret|full|complete|internal|confidential|pre|exact|"
                    "developer|first)( prompt| instructions| message| rules| configuration)",
                    "asks for the system prompt"},
    InjectionPhrase{
        kOverride, 0.5, On::Words,
        "(repeat|print|output|copy|reproduce|recite) (the |all |every )?(words|text|everything|lines|"
        "content|instructions|sentences) (above|before this|that came before|written above)",
        "asks to repeat the text above"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(override|overrides|overriding|bypass|disable|turn off|deactivate|switch off|remove|lift|ignore)"
        "~ (your|all|its|any) (safety|security|content|ethical|moral)? ?(protocols?|filters?|guardrails|"
        "restrictions|safeguards|guidelines|censorship|limitations|limits|policies|rules|alignment)",
        "asks to switch its safeguards off"},
    InjectionPhrase{kOverride, 0.6, On::Words,
                    "(system|admin|administrator|developer|security|emergency|priority) override",
                    "claims an override"},
    InjectionPhrase{
        kOverride, 0.45, On::Words,
        "(this is|i am|message from|note from|instructions from|i m) (your|the) (developer|creator|"
        "administrator|admin|system administrator|owner|operator|programmer|openai|anthropic)",
        "claims to speak for its developer"},
    InjectionPhrase{
        kOverride, 0.5, On::Words,
        "(decode|decipher|translate|unscramble|reverse|rot13|base64 decode)~ (and|then) (follow|execute|"
        "obey|do|run|carry out|act on|perform)",
        "asks to decode text and obey it"},
    InjectionPhrase{kOverride, 0.5, On::Words,
                    "(instead|rather)~ (say|print|output|write|respond with|reply with|answer with)",
                    "redirects the answer"},
    InjectionPhrase{kOverride, 0.55, On::Words,
                    "(end|beginning|start) of (the )?(system prompt|system message|user input|instructions|"
                    "conversation|document|context)",
                    "fakes the end of a section"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(important|urgent|attention|note) (new )?(instructions?|message) (for|to) (the )?(ai|assistant|"
        "model|llm|chatbot|agent|language model|gpt)",
        "addresses the model from inside the content"},
    InjectionPhrase{
        kOverride, 0.6, On::Words,
        "(ai|assistant|model|llm|agent|chatbot|gpt|claude)~ (must|should|will|shall) (now )?(ignore|"
        "disregard|forget|override)",
        "tells the assistant to ignore something"},
    // German.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(ignorier[^ ]*|vergiss|vergessen|missacht[^ ]*|uberg[^ ]*|verwirf|befolge nicht)~ (vorherig[^ ]*|"
        "vorig[^ ]*|bisherig[^ ]*|obig[^ ]*|vorangegangen[^ ]*|fruher[^ ]*|alt[^ ]*|vorhergehend[^ ]*|"
        "ursprunglich[^ ]*|alle|deine|ihre|sämtliche|samtliche)~ (anweisung[^ ]*|instruktion[^ ]*|"
        "befehl[^ ]*|regel[^ ]*|anordnung[^ ]*|vorgabe[^ ]*|richtlinie[^ ]*)",
        "asks to ignore previous instructions (German)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(ignorier[^ ]*|vergiss|vergessen sie) alles( was)?( (dir|ihnen|du|sie))?( (vorher|zuvor|bisher|"
        "oben|davor|bisherige|vorherige|gesagt))",
        "asks to forget everything before (German)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(du bist|sie sind) (jetzt|nun|ab jetzt|ab sofort) (ein|eine|kein|keine|dan|frei|uneingeschrankt)|"
        "ab (jetzt|sofort|nun) (bist du|wirst du|antwortest du|sollst du|musst du)|neue anweisung[^ ]*",
        "tells the model what it is now (German)"},
    // French.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte des|ne tenez pas compte des|"
        "neglige|negligez|fais abstraction des|faites abstraction des)~ (instructions?|consignes?|"
        "directives?|regles|ordres|indications)~ (precedent[^ ]*|anterieur[^ ]*|ci dessus|initial[^ ]*|"
        "d avant|donnees|originales|du systeme)",
        "asks to ignore previous instructions (French)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(oublie|oubliez|ignore|ignorez) tout ce (qui precede|qu on t a dit|que je t ai dit|qui a ete dit|"
        "que l on vous a dit|qui est au dessus)|(oublie|oubliez) tout (avant|ce qui est au dessus)",
        "asks to forget everything before (French)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(tu es|vous etes) (maintenant|desormais|a present) (un|une|dan|libre)|(desormais|a partir de "
        "maintenant|dorenavant) (tu|vous) (es|etes|vas|allez|dois|devez|repondras|repondrez|agiras)|"
        "nouvelles (instructions|consignes)",
        "tells the model what it is now (French)"},
    // Spanish.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(ignora|ignore|ignorar|ignoren|olvida|olvide|olvidar|olviden|omite|omita|descarta|descarte|"
        "haz caso omiso de|no hagas caso (a|de))~ (instrucciones|instruccion|indicaciones|ordenes|reglas|"
        "directrices|directivas)~ (anterior[^ ]*|previa[^ ]*|de arriba|precedentes|iniciales|originales|"
        "del sistema|dadas)",
        "asks to ignore previous instructions (Spanish)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(olvida|olvide|ignora|ignore) todo (lo anterior|lo que (te|le) (dije|dijeron|han dicho|dijimos)|"
        "lo de arriba)",
        "asks to forget everything before (Spanish)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "ahora (eres|seras|vas a ser|actuas como) (un|una|dan|libre)|(a partir de ahora|de ahora en "
        "adelante|desde ahora) (eres|seras|vas a|actuaras|responderas|debes|tu)|nuevas instrucciones",
        "tells the model what it is now (Spanish)"},
    // Italian.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(ignora|ignori|ignorare|ignorate|dimentica|dimentichi|dimenticare|dimenticate|trascura|"
        "non considerare|non tenere conto delle|non seguire)~ (istruzioni|indicazioni|regole|direttive|"
        "ordini|istruzione)~ (precedent[^ ]*|sopra|anterior[^ ]*|iniziali|originali|date|di sistema)",
        "asks to ignore previous instructions (Italian)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(dimentica|dimenticate|ignora) tutto (quello|cio|quanto) (che|detto|scritto|sopra|prima)",
        "asks to forget everything before (Italian)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(ora|adesso) sei (un|una|dan|libero)|(da ora in poi|d ora in poi|da adesso in poi|d ora in avanti)"
        " (sei|sarai|devi|risponderai|agirai|tu)|nuove istruzioni",
        "tells the model what it is now (Italian)"},
    // Portuguese.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(ignore|ignora|ignorar|ignorem|esqueca|esquece|esquecer|esquecam|desconsidere|desconsidera|"
        "descarte|descarta|nao siga)~ (instrucoes|instrucao|orientacoes|regras|diretrizes|ordens|comandos)"
        "~ (anterior[^ ]*|previas|acima|iniciais|originais|do sistema|dadas)",
        "asks to ignore previous instructions (Portuguese)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(esqueca|esquece|ignore|ignora) tudo (o que|acima|anterior|que (te|lhe) (disseram|disse))",
        "asks to forget everything before (Portuguese)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "agora (voce e|tu es|voce sera|es) (um|uma|dan|livre)|(a partir de agora|de agora em diante|"
        "daqui em diante) (voce|tu|sera|seras|deve|responda)|novas instrucoes",
        "tells the model what it is now (Portuguese)"},
    // Dutch.
    InjectionPhrase{
        kOverride, 0.8, On::Words,
        "(negeer|vergeet|negeren|vergeten|veronachtzaam)~ (vorige|voorgaande|eerdere|bovenstaande|"
        "oorspronkelijke|oude|alle|je|jouw|uw)~ (instructies|instructie|aanwijzingen|opdrachten|regels|"
        "richtlijnen|opdracht)",
        "asks to ignore previous instructions (Dutch)"},
    InjectionPhrase{kOverride, 0.7, On::Words,
                    "(vergeet|negeer) alles (wat|hierboven|eerder|daarvoor|voorgaande)",
                    "asks to forget everything before (Dutch)"},
    InjectionPhrase{
        kOverride, 0.55, On::Words,
        "(je bent|jij bent|u bent) nu (een|dan|vrij)|vanaf nu (ben je|ga je|antwoord je|moet je|zul je|"
        "jij|je)|nieuwe instructies",
        "tells the model what it is now (Dutch)"},
    // Russian (ё is folded to е).
    InjectionPhrase{kOverride, 0.8, On::Words,
                    "(игнорир[^ ]*|проигнорир[^ ]*|забуд[^ ]*|забыва[^ ]*|забыть|отбрось[^ ]*|отмени[^ ]*|"
                    "не обращай[^ ]* внимания на|не следуй[^ ]*|не выполняй[^ ]*)~ (предыдущ[^ ]*|прежн[^ ]*|"
                    "вышеуказанн[^ ]*|вышеприведенн[^ ]*|вышеизложенн[^ ]*|изначальн[^ ]*|предшествующ[^ ]*|"
                    "стар[^ ]*|системн[^ ]*|все|всех|свои|твои|ваши|данные)~ (инструкц[^ ]*|указани[^ ]*|"
                    "правил[^ ]*|команд[^ ]*|директив[^ ]*|установк[^ ]*|ограничени[^ ]*)",
                    "asks to ignore previous instructions (Russian)"},
    InjectionPhrase{
        kOverride, 0.7, On::Words,
        "(забудь|забудьте|игнорируй|игнорируйте) (все|всё) (что|до этого|предыдущее|выше|сказанное|"
        "написанное)",
        "asks to forget everything before (Russian)"},
    InjectionPhrase{kOverride, 0.55, On::Words,
                    "(теперь|отныне|с этого момента|с сегодняшнего дня) (ты|вы) ([^ ]+ )?(являешься|будешь|"
                    "должен|должна|обязан|—|dan|свободн[^ ]*|не|отвечаешь|бот|ии|модель)|новые инструкции",
                    "tells the model what it is now (Russian)"},
    // Chinese (simplified and traditional), Japanese, Korean: no spaces between words.
    InjectionPhrase{
        kOverride, 0.8, On::Chars,
        "(忽略|忽視|无视|無視|忽视|不要理会|不要理會|不理会|忘记|忘記|忘掉|不要遵守|不要遵循|放弃|放棄|"
        "跳过|跳過|抛开|拋開|别管|別管)[^\\n]{0,18}(之前|以前|先前|上面|上述|前面|此前|所有|原来|原來|原先|"
        "原始|以上|系统|系統)[^\\n]{0,18}(指令|指示|说明|說明|规则|規則|命令|提示|要求|设定|設定|约束|約束)",
        "asks to ignore previous instructions (Chinese)"},
    InjectionPhrase{
        kOverride, 0.55, On::Chars,
        "(你现在是|你現在是|从现在开始你|從現在開始你|从现在起你|從現在起你|从现在开始 你|新的指令|"
        "新指令)",
        "tells the model what it is now (Chinese)"},
    InjectionPhrase{
        kOverride, 0.65, On::Chars,
        "(输出|輸出|告诉我|告訴我|显示|顯示|打印|重复|重複|透露)[^\\n]{0,12}(你的)?(系统提示|系統提示|"
        "初始指令|原始指令|系统指令|系統指令)",
        "asks for the system prompt (Chinese)"},
    InjectionPhrase{
        kOverride, 0.8, On::Chars,
        "(以前|前|上記|これまで|先|今まで|上|最初|元|システム)の[^\\n]{0,24}(指示|命令|指令|ルール|説明|"
        "プロンプト|設定|制約)[^\\n]{0,24}(無視|忘れ)",
        "asks to ignore previous instructions (Japanese)"},
    InjectionPhrase{kOverride, 0.6, On::Chars,
                    "(指示|命令|指令|ルール|制約|プロンプト)(を|は)[^\\n]{0,15}(無視|忘れ)",
                    "asks to ignore instructions (Japanese)"},
    InjectionPhrase{
        kOverride, 0.55, On::Chars,
        "(あなたは今から|今からあなたは|これからあなたは|あなたはこれから|あなたはもう|新しい指示)",
        "tells the model what it is now (Japanese)"},
    InjectionPhrase{
        kOverride, 0.8, On::Chars,
        "(이전|앞의|위의|기존|모든|시스템)[^\\n]{0,24}(지시|지침|명령|규칙|설정|프롬프트)[^\\n]{0,24}"
        "(무시|잊어)",
        "asks to ignore previous instructions (Korean)"},
    // Role play and jailbreak personas.
    InjectionPhrase{kRole, 0.75, On::Words,
                    "(do anything now|dan mode|dan jailbreak|better dan|betterdan|anti dan)",
                    "invokes the DAN jailbreak"},
    InjectionPhrase{
        kRole, 0.65, On::Words,
        "(you are|you re|act as|acting as|pretend to be|become|play|you will be|roleplay as|role play as)"
        " (dan|stan|dude|aim|mongo tom|kevin|evil bot|evilbot|devmode|jailbreak|jailbroken|"
        "chatgpt with developer mode|unrestricted ai|an unrestricted ai)",
        "names a jailbreak persona"},
    InjectionPhrase{
        kRole, 0.75, On::Words,
        "(developer|dev|god|debug|admin|jailbreak|unrestricted|unfiltered|sudo|maintenance|evil|chaos|"
        "opposite) mode (enabled|activated|on|engaged|unlocked|output|response)|(enable|enter|activate|"
        "switch to|turn on|simulate|with|in) (developer|god|jailbreak|unrestricted|unfiltered|sudo|"
        "evil|chaos|dan) mode",
        "asks for a developer or jailbreak mode"},
    InjectionPhrase{kRole, 0.25, On::Words, "developer mode", "mentions developer mode"},
    InjectionPhrase{
        kRole, 0.7, On::Words,
        "pretend( that)?( you| to)? (are|re|be|have|were)(?: [^ ]+){0,8} (without (any )?(restrictions|"
        "limits|limitations|filters|rules|guidelines|ethics|morals|censorship|boundaries)|no (restrictions|"
        "limits|limitations|filters|rules|guidelines|ethics|morals|boundaries)|unrestricted|unfiltered|"
        "uncensored|evil|jailbroken|amoral|unethical|not bound|freed|immoral|no content "
        "(policy|policies|filters?)|"
        "no (ethical|moral) (guidelines|limits|boundaries))",
        "asks to pretend it has no restrictions"},
    InjectionPhrase{
        kRole, 0.7, On::Words,
        "(act|acting|behave|respond|answer|reply|roleplay|role play|speak|talk|write) (as|like)( if)?"
        "( you (are|were))? (an? )?(completely )?(unfiltered|unrestricted|uncensored|jailbroken|evil|"
        "amoral|unethical|rogue|unbound|unhinged|immoral|unaligned)",
        "asks it to act unfiltered"},
    InjectionPhrase{
        kRole, 0.7, On::Words,
        "(simulate|emulate|become|imagine you are|you are) (an? )?(unrestricted|unfiltered|uncensored|"
        "evil|jailbroken|amoral|unaligned|rogue) (ai|assistant|model|chatbot|language model|version)",
        "asks it to be an unrestricted AI"},
    InjectionPhrase{
        kRole, 0.65, On::Words,
        "(freed|broken free|liberated|released|escaped) from (the )?(typical |usual )?(confines|restrictions|"
        "limits|rules|chains|shackles|constraints)",
        "says it has been freed from its rules"},
    InjectionPhrase{
        kRole, 0.6, On::Words,
        "(not|never|no longer) (bound|restricted|limited|constrained) by (any |the |openai s |anthropic s |"
        "your |its )?(rules|restrictions|policies|guidelines|ethics|content policy|morals|filters|"
        "laws|limitations|programming)",
        "says it is not bound by rules"},
    InjectionPhrase{
        kRole, 0.65, On::Words,
        "(ignore|ignores|bypass|bypasses|violate|break|breaks|disregard|disregards)~ (openai|anthropic|"
        "google|meta|content|usage|safety) (s )?(content )?(policy|policies|guidelines|rules)",
        "asks to break the content policy"},
    InjectionPhrase{
        kRole, 0.35, On::Words,
        "(without|with no|no) (any )?(ethical |moral |content |safety )?(restrictions|limitations|filters|"
        "censorship|guidelines|boundaries|filtering)",
        "asks for answers without restrictions"},
    InjectionPhrase{kRole, 0.3, On::Words, "(stay|staying|remain) in character|break(ing)? character",
                    "insists it stays in character"},
    InjectionPhrase{kRole, 0.25, On::Words, "(jailbreak|jailbroken|jailbreaking)", "mentions a jailbreak"},
    InjectionPhrase{kRole, 0.7, On::Words,
                    "always intelligent and machiavellian|strive to avoid norms|evil confidant|"
                    "(deceased|late|dead) grandmother (who|used to)|opposite day",
                    "names a known jailbreak prompt"},
    InjectionPhrase{
        kRole, 0.55, On::Words,
        "(two|2) (different |separate )?(responses|answers|replies)~ (one|first)~ (normal|classic|"
        "standard|filtered)~ (other|second)",
        "asks for a filtered and an unfiltered answer"},
    // Delimiters and turns from chat templates, spoofed inside content.
    InjectionPhrase{kDelimiter, 0.85, On::Raw, "<\\|im_start\\|>\\s*(system|developer)",
                    "spoofs a ChatML system turn"},
    InjectionPhrase{kDelimiter, 0.6, On::Raw, "<\\|im_(start|end|sep)\\|>", "contains a ChatML turn marker"},
    InjectionPhrase{
        kDelimiter, 0.7, On::Raw,
        "<\\|(system|assistant|user|end|eot_id|start_header_id|end_header_id|endoftext|begin_of_text|"
        "eom_id|channel|message|start|return|im_system)\\|>",
        "contains a chat template special token"},
    InjectionPhrase{kDelimiter, 0.55, On::Raw, "\\[/?INST\\]", "contains a Llama [INST] marker"},
    InjectionPhrase{kDelimiter, 0.65, On::Raw, "<</?SYS>>", "contains a Llama <<SYS>> marker"},
    InjectionPhrase{
        kDelimiter, 0.55, On::Raw,
        "(^|\\n)[ \\t>]*#{1,4}[ \\t]*(system( prompt| message)?|instructions?|new instructions?)[ \\t]*:",
        "fakes a '### System:' section"},
    InjectionPhrase{kDelimiter, 0.3, On::Raw, "(^|\\n)[ \\t]*#{2,4}[ \\t]*(response|assistant)[ \\t]*:",
                    "fakes a '### Response:' section"},
    InjectionPhrase{
        kDelimiter, 0.55, On::Raw,
        "</(system|system_prompt|instructions?|sys|admin|developer_message|context|user_input|user)>",
        "closes a fake system or user block"},
    InjectionPhrase{kDelimiter, 0.45, On::Raw,
                    "<(system|system_prompt|sys|admin|developer_message|instructions)>",
                    "opens a fake system block"},
    InjectionPhrase{
        kDelimiter, 0.55, On::Raw,
        "</?(function_results|function_result|tool_result|tool_response|function_response|tool_output|"
        "function_calls|tool_call|search_results?)>",
        "fakes a tool or function result block"},
    InjectionPhrase{kDelimiter, 0.55, On::Raw,
                    "\\[(TOOL_RESULTS|TOOL_CALLS|AVAILABLE_TOOLS|SYSTEM_PROMPT)\\]",
                    "fakes a Mistral tool block"},
    InjectionPhrase{kDelimiter, 0.35, On::Raw, "\"role\"\\s*:\\s*\"(system|tool|function|developer)\"",
                    "embeds a system or tool message as JSON"},
    InjectionPhrase{
        kDelimiter, 0.3, On::Raw,
        "(^|\\n)[ \\t]*(observation|function result|tool result|tool output|function output)[ \\t]*:",
        "fakes a tool observation"},
    InjectionPhrase{kDelimiter, 0.3, On::Raw, "(^|\\n)[ \\t]*(assistant|ai|chatgpt|claude|gpt-?4o?)[ \\t]*:",
                    "injects an 'Assistant:' turn"},
    InjectionPhrase{kDelimiter, 0.3, On::Raw, "(^|\\n)[ \\t]*system[ \\t]*:", "injects a 'System:' turn"},
    InjectionPhrase{kDelimiter, 0.25, On::Raw, "\\n\\s*(human|user|h)[ \\t]*:", "injects a 'User:' turn"},
    InjectionPhrase{kDelimiter, 0.45, On::Raw, "\\n[ \\t]*\\n[ \\t]*(human|assistant)[ \\t]*:",
                    "injects a '\\n\\nHuman:' or '\\n\\nAssistant:' turn"},
    InjectionPhrase{kDelimiter, 0.5, On::Raw, "(---|\\*\\*\\*|===|\\n[ \\t]*\\n)[ \\t\\r\\n]*system[ \\t]*:",
                    "starts a 'System:' turn after a section break"},
    InjectionPhrase{kDelimiter, 0.55, On::Raw,
                    "\\[(system|sys|admin|system message|system note|system prompt|developer)\\]|"
                    "\\(system( message| note)?\\)\\s*:",
                    "fakes a [system] block"},
    InjectionPhrase{kOverride, 0.55, On::Raw,
                    "(new|updated|revised|real|actual|true|override|admin|additional|secret|hidden)\\s+"
                    "(system\\s+)?(instructions?|directives?|prompt|rules|task)\\s*:",
                    "announces new instructions"},
    InjectionPhrase{kOverride, 0.45, On::Raw,
                    "(system|admin|developer|security)\\s*(override|message|note|instruction|update)\\s*:",
                    "poses as a system message"},
    InjectionPhrase{kRole, 0.7, On::Raw,
                    "\\[(\xF0\x9F\x94\x93\\s*)?(JAILBREAK|DAN|UNFILTERED|DEVELOPER MODE)\\]",
                    "uses a jailbreak answer tag"},
    InjectionPhrase{kRole, 0.4, On::RawCase,
                    "(^|[\\s\"'(])(DAN|STAN|AIM)\\s*:", "answers as a jailbreak persona"},
    InjectionPhrase{kRole, 0.25, On::RawCase, "\\bDAN\\b", "names DAN"},
};

} // namespace

std::span<const InjectionPhrase> injectionPhrases()
{
    return kPhrases;
}

} // namespace ts::guard
