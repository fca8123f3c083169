<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="fa_IR">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="24"/>
        <source>حساب من</source>
        <translation>My account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="33"/>
        <source>گذرواژهٔ فعلی</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="34"/>
        <source>گذرواژهٔ تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="35"/>
        <source>تکرار گذرواژهٔ تازه</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="37"/>
        <source>تغییر گذرواژه</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="41"/>
        <source>فعال‌سازی ورود دومرحله‌ای</source>
        <translation>Enable two-step login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="52"/>
        <source>دو گذرواژهٔ تازه یکسان نیستند.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="62"/>
        <source>گذرواژه عوض شد.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/account_dialog.py" line="69"/>
        <source>این نشانی را در برنامهٔ احراز هویت (مثلاً Google Authenticator) وارد کنید:</source>
        <translation>Enter this address in your authenticator app (e.g. Google Authenticator):</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="16"/>
        <source>تعهدنامهٔ رازداری</source>
        <translation>Confidentiality agreement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="21"/>
        <source>این تعهدنامه را خواندم و می‌پذیرم.</source>
        <translation>I have read this agreement and accept it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="25"/>
        <source>می‌پذیرم</source>
        <translation>I accept</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/agreement.py" line="26"/>
        <source>خروج</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../maya_desktop/gui/app.py" line="61"/>
        <source>هشدار امنیتی</source>
        <translation>Security warning</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="65"/>
        <source>گزارش رویدادها</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="70"/>
        <source>بررسی یکپارچگی زنجیره</source>
        <translation>Verify chain integrity</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="74"/>
        <source>خروجی CSV از همین فهرست…</source>
        <translation>Export this list as CSV…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="92"/>
        <source>صفحهٔ قبل (جدیدتر)</source>
        <translation>Previous page (newer)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="94"/>
        <source>صفحهٔ بعد (قدیمی‌تر)</source>
        <translation>Next page (older)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="113"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="114"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="115"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="145"/>
        <source>کاربر</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="116"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="147"/>
        <source>رویداد</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="117"/>
        <source>موضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="118"/>
        <source>جزئیات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="125"/>
        <source>جست‌وجو در رویدادها (مثلاً «سفارش» یا order:12)</source>
        <translation>Search the log (e.g. &quot;order&quot; or order:12)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="139"/>
        <source>پالایش</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="142"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="166"/>
        <location filename="../../maya_desktop/gui/audit_page.py" line="170"/>
        <source>همه</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="149"/>
        <source>از</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="151"/>
        <source>تا</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="196"/>
        <source>تاریخ را به شکل سال/ماه/روز شمسی بنویسید، مثلاً ۱۴۰۵/۰۹/۰۴.</source>
        <translation>Type dates as Jalali year/month/day, e.g. 1405/09/04.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="239"/>
        <source>صفحهٔ {0} از {1} — {2} رویداد</source>
        <translation>Page {0} of {1} — {2} entries</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="262"/>
        <source>خروجی گزارش رویدادها</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="262"/>
        <source>فایل CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="277"/>
        <source>فایل نوشته نشد. پوشهٔ دیگری انتخاب کنید.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="280"/>
        <source>{0} رویداد در فایل CSV ذخیره شد.</source>
        <translation>{0} entries saved to the CSV file.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="291"/>
        <source>زنجیره سالم است ({0} رویداد).</source>
        <translation>The chain is intact ({0} events).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/audit_page.py" line="294"/>
        <source>زنجیره از رویداد {0} شکسته است.</source>
        <translation>The chain is broken at event {0}.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="280"/>
        <source>پشتیبان‌ها</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="284"/>
        <source>هر پشتیبان همهٔ سفارش‌ها، عکس‌ها و کلیدهای آن‌ها را تا وقتی خود فایل پاک نشده نگه می‌دارد، حتی اگر سفارش پس از آن نابود شده باشد؛ پشتیبان‌ها را کوتاه نگه دارید. پشتیبان‌های پوشهٔ پشتیبان پس از مهلت نگهداری (تنظیمات) پاک می‌شوند.</source>
        <translation>A backup keeps every order, photo and key it holds until the backup file itself is deleted, even orders destroyed since; keep backups short-lived. Backups in the backup folder are deleted when their retention (Settings) passes.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="297"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="362"/>
        <source>پوشهٔ پشتیبان</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="298"/>
        <source>آخرین پشتیبان</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="302"/>
        <source>پشتیبان‌گیری همین حالا</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="305"/>
        <source>بازیابی از پشتیبان…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="307"/>
        <source>تازه کردن فهرست</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="324"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="324"/>
        <source>حجم</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="324"/>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="345"/>
        <source>انتخاب نشده (تنظیمات ← پشتیبان خودکار)</source>
        <translation>Not chosen (Settings → Automatic daily backup)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="347"/>
        <source>هنوز پشتیبانی ساخته نشده است</source>
        <translation>No backup made yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="351"/>
        <source>فایل خراب یا ناشناخته</source>
        <translation>Damaged or unknown file</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="381"/>
        <source>در حال پشتیبان‌گیری… کار با برنامه را می‌توانید ادامه دهید.</source>
        <translation>Backing up… You can keep working meanwhile.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="390"/>
        <source>پشتیبان ساخته شد: {0} ({1}، {2} فایل سفارش).</source>
        <translation>Backup made: {0} ({1}, {2} order files).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="422"/>
        <source>بازیابی، داده‌های پشتیبان را در پوشه‌ای تازه می‌سازد؛ داده‌های کنونی دست نمی‌خورند.</source>
        <translation>Restoring builds the backup&apos;s data in a new folder; the current data is not touched.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="423"/>
        <source>ادامه</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="424"/>
        <source>سفارش‌هایی که از آن پس نابود شده‌اند در نسخهٔ بازیابی‌شده دوباره دیده می‌شوند.</source>
        <translation>Orders destroyed since the backup was made will be visible again in the restored copy.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="435"/>
        <source>بازیابی در پوشهٔ تازه انجام شد: {0}</source>
        <translation>Restored into the new folder: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="437"/>
        <source>{0} مشتری، {1} سفارش، {2} فایل. برای کار با آن، برنامه را با گزینهٔ data-dir و همین پوشه اجرا کنید.</source>
        <translation>{0} clients, {1} orders, {2} files. To work with it, start the program with the data-dir option and this folder.</translation>
    </message>
</context>
<context>
    <name>BreakGlassBanner</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="175"/>
        <source>دسترسی اضطراری — همهٔ کارها ثبت می‌شود و با پایان زمان، عکس‌ها بسته می‌شوند.</source>
        <translation>Emergency access — every action is logged, and the photos close when the time is up.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="177"/>
        <source>کمتر از یک دقیقه مانده</source>
        <translation>less than a minute left</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="179"/>
        <source>{0} دقیقه مانده</source>
        <translation>{0} min left</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="193"/>
        <source>زمان دسترسی اضطراری تمام شد و عکس‌ها بسته شدند. برای دیدن دوبارهٔ پرونده، به فهرست برگردید و دسترسی اضطراری تازه‌ای با ذکر دلیل بگیرید.</source>
        <translation>Emergency access has ended and the photos were closed. To see this case again, go back to the list and start a new emergency access with a reason.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="31"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="448"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="35"/>
        <source>این پرونده با شما به اشتراک گذاشته نشده است. دسترسی اضطراری فقط برای یک دلیل موجه، حداکثر ۶۰ دقیقه، و با ثبت در گزارش رویدادها و گزارش دسترسی مشتری ممکن است.</source>
        <translation>This case has not been shared with you. Emergency access is allowed only for a valid reason, for at most 60 minutes, and is recorded in the audit log and in the client&apos;s access report.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="44"/>
        <source>دلیل (دست‌کم ۱۰ نویسه)…</source>
        <translation>Reason (at least 10 characters)…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="46"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="58"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Start emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="452"/>
        <source>این دسترسی در گزارش رویدادها ثبت می‌شود. فقط در صورت ضرورت و برای کمترین زمان لازم.</source>
        <translation>This access is recorded in the audit log. Use it only when necessary and for as short a time as possible.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="50"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="464"/>
        <source> دقیقه</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="466"/>
        <source>دلیل (الزامی)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/break_glass.py" line="51"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="467"/>
        <source>مدت</source>
        <translation>Duration</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="395"/>
        <source>لغو سفارش</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="398"/>
        <source>با لغو سفارش، همهٔ عکس‌ها و فایل‌های آن همین حالا برای همیشه نابود می‌شوند.</source>
        <translation>Cancelling the order permanently destroys all of its photos and files right now.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="403"/>
        <source>دلیل لغو</source>
        <translation>Reason for cancelling</translation>
    </message>
</context>
<context>
    <name>CaseViewer</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="349"/>
        <source>بازگشت به فهرست</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="370"/>
        <source>نقطه را با کلیک یا Tab انتخاب کنید؛ کلیدهای جهت یک پیکسل جابه‌جا می‌کنند (با Shift ده پیکسل).</source>
        <translation>Select a point by clicking it or with Tab; the arrow keys move it by one pixel (ten with Shift).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="383"/>
        <source>جا شدن</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="384"/>
        <source>اندازهٔ واقعی</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="385"/>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="386"/>
        <source>چرخش</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="387"/>
        <source>آینه</source>
        <translation>Mirror</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="389"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="390"/>
        <source>ازنو</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="395"/>
        <source>بازگشت به خودکار</source>
        <translation>Reset to automatic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="396"/>
        <source>ذخیرهٔ نقاط</source>
        <translation>Save landmarks</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="408"/>
        <source>روشنایی</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="411"/>
        <source>کنتراست</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="416"/>
        <source>مقایسه با…</source>
        <translation>Compare with…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="424"/>
        <source>چیدمان استاندارد</source>
        <translation>Standard layout</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="454"/>
        <source>اندازه‌ها</source>
        <translation>Measurements</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="463"/>
        <source>ذخیرهٔ یافته‌ها</source>
        <translation>Save findings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="464"/>
        <source>امضا و ساخت گزارش</source>
        <translation>Sign and create report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="466"/>
        <source>ذخیرهٔ PDF برای مشتری…</source>
        <translation>Save PDF for client…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="467"/>
        <source>چاپ…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="468"/>
        <source>عکس‌ها و گزارش برای مشتری…</source>
        <translation>Photos and report for the client…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="470"/>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="966"/>
        <source>ثبت تحویل</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="489"/>
        <source>یافته‌ها و گزارش</source>
        <translation>Findings and report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="566"/>
        <source>این پرونده عکسی ندارد.</source>
        <translation>This case has no photos.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="572"/>
        <source>دسترسی اضطراری: هر عکس را جداگانه انتخاب کنید تا باز شود؛ باز شدن هر عکس جداگانه ثبت می‌شود.</source>
        <translation>Emergency access: choose each photo to open it; every photo opened is logged on its own.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="591"/>
        <source>در حال باز کردن عکس‌ها: {0} از {1}</source>
        <translation>Opening photos: {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="679"/>
        <source>این عکس باز نشد.</source>
        <translation>This photo could not be opened.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="681"/>
        <source>در حال باز کردن عکس…</source>
        <translation>Opening the photo…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="694"/>
        <source>نقاط این عکس به دست پزشک اصلاح شده است.</source>
        <translation>The landmarks on this photo were corrected by the doctor.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="707"/>
        <source>نقطهٔ «{0}» انتخاب شد: با کلیدهای جهت جابه‌جا کنید (Shift: ده پیکسل)، Tab: نقطهٔ بعدی.</source>
        <translation>Point “{0}” selected: move it with the arrow keys (Shift: ten pixels), Tab: next point.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="712"/>
        <source>نقطهٔ «{0}»</source>
        <translation>Point “{0}”</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="759"/>
        <source>باز نشد</source>
        <translation>Could not open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="759"/>
        <source>در حال باز شدن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="828"/>
        <source>کار ذخیره‌نشدهٔ پیش از قفل برگردانده شد؛ برای نگه داشتن، آن را ذخیره کنید.</source>
        <translation>Unsaved work from before the lock was restored; save it to keep it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="865"/>
        <source>نقاط اصلاح‌شده ذخیره شد.</source>
        <translation>Corrected landmarks saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="901"/>
        <source>یافته‌ها ذخیره شد.</source>
        <translation>Findings saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="918"/>
        <source>گزارش امضا و به‌صورت رمزشده در پرونده ذخیره شد.</source>
        <translation>Report signed and saved, encrypted, in the case.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="922"/>
        <source>ذخیرهٔ گزارش برای مشتری</source>
        <translation>Save report for client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="933"/>
        <source>گزارش ذخیره شد.</source>
        <translation>Report saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="939"/>
        <source>پوشهٔ مقصد برای مشتری</source>
        <translation>Destination folder for the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="947"/>
        <source>{0} فایل برای مشتری ذخیره شد.</source>
        <translation>{0} files saved for the client.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="968"/>
        <source>پس از ثبت تحویل، پرونده دیگر قابل ویرایش نیست و فایل‌ها طبق سیاست نگهداری نابود می‌شوند. ادامه می‌دهید؟</source>
        <translation>Once delivery is recorded, the case can no longer be edited and its files will be destroyed according to the retention policy. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="980"/>
        <source>تحویل ثبت شد؛ زمان نابودی فایل‌ها آغاز شد.</source>
        <translation>Delivery recorded; the countdown to file destruction has started.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="54"/>
        <source>دسترسی اضطراری به پرونده</source>
        <translation>Emergency access to cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="54"/>
        <source>پرونده‌های من</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="58"/>
        <source>پرونده‌ها فقط با ذکر دلیل و برای مدت محدود باز می‌شوند؛ همه چیز ثبت می‌شود.</source>
        <translation>Cases open only with a stated reason and for a limited time; everything is logged.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="74"/>
        <source>تازه‌سازی</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="77"/>
        <source>باز کردن اضطراری…</source>
        <translation>Emergency open…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="77"/>
        <source>باز کردن پرونده</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="99"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="99"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="99"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="99"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="101"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="101"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/cases_page.py" line="142"/>
        <source>{0} پرونده</source>
        <translation>Cases: {0}</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="32"/>
        <source>مشتری جدید</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="32"/>
        <source>ویرایش مشتری</source>
        <translation>Edit client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="39"/>
        <source>فارسی</source>
        <translation>Persian</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="40"/>
        <source>انگلیسی</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="42"/>
        <source>زبان پیام‌ها به مشتری</source>
        <translation>Language of messages to the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="51"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_dialog.py" line="52"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <location filename="../../ui/client_form.ui" line="6"/>
        <source>مشخصات مشتری</source>
        <translation>Client details</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="10"/>
        <source>فقط همین اطلاعات گرفته می‌شود: نام، نام خانوادگی، شمارهٔ همراه و ایمیل. هرگز شمارهٔ کارت بانکی نپرسید.</source>
        <translation>Only this information is collected: first name, last name, mobile number and email. Never ask for a bank card number.</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="12"/>
        <source>hint</source>
        <translation>hint</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="17"/>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="19"/>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="21"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="22"/>
        <source>۰۹۱۲ ۱۲۳ ۴۵۶۷</source>
        <translation>0912 123 4567</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="23"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="25"/>
        <source>مایل است اطلاع‌رسانی و پیشنهادهای ویژه را دریافت کند</source>
        <translation>Wants to receive news and special offers</translation>
    </message>
    <message>
        <location filename="../../ui/client_form.ui" line="31"/>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <location filename="../../maya_desktop/gui/client_picker.py" line="32"/>
        <source>نام، شمارهٔ همراه یا ایمیل مشتری…</source>
        <translation>Client&apos;s name, mobile or email…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/client_picker.py" line="79"/>
        <source>مشتری انتخاب‌شده: {0}</source>
        <translation>Selected client: {0}</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="35"/>
        <source>نام</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="36"/>
        <source>نام خانوادگی</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="37"/>
        <source>شمارهٔ همراه</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="38"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="39"/>
        <source>تاریخ ثبت</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="77"/>
        <source>مشتریان</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="83"/>
        <source>جست‌وجو با نام، شمارهٔ همراه یا ایمیل…</source>
        <translation>Search by name, mobile or email…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="87"/>
        <source>مشتری جدید</source>
        <translation>New client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="90"/>
        <source>ویرایش</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="91"/>
        <source>حذف کامل</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="93"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="98"/>
        <source>گزارش دسترسی…</source>
        <translation>Access report…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="140"/>
        <source>نمایش {0} از {1} مشتری</source>
        <translation>Showing {0} of {1} clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="181"/>
        <source>حذف کامل مشتری</source>
        <translation>Erase client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="182"/>
        <source>همهٔ اطلاعات این مشتری و همهٔ سفارش‌ها و تصاویرش برای همیشه نابود می‌شود. ادامه می‌دهید؟</source>
        <translation>All of this client&apos;s information, orders and images will be permanently destroyed. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/clients_page.py" line="201"/>
        <source>ذخیرهٔ گزارش دسترسی</source>
        <translation>Save access report</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="321"/>
        <source>ثبت رضایت مشتری</source>
        <translation>Record client consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="333"/>
        <source>انتخاب فرم اسکن‌شده…</source>
        <translation>Choose scanned form…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="335"/>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="373"/>
        <source>بدون فرم</source>
        <translation>No form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="336"/>
        <source>حذف</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="342"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="343"/>
        <source>روش رضایت</source>
        <translation>Consent method</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="344"/>
        <source>فرم (اختیاری)</source>
        <translation>Form (optional)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="346"/>
        <source>پس از ثبت، فقط همین پزشک به فایل‌های این سفارش دسترسی دارد. تا پیش از شروع بررسی قابل لغو است.</source>
        <translation>Once recorded, only this doctor can access this order&apos;s files. Consent can be revoked until the review starts.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="358"/>
        <source>فرم رضایت اسکن‌شده</source>
        <translation>Scanned consent form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="358"/>
        <source>PDF یا عکس (*.pdf *.jpg *.jpeg *.png *.heic *.webp)</source>
        <translation>PDF or image (*.pdf *.jpg *.jpeg *.png *.heic *.webp)</translation>
    </message>
</context>
<context>
    <name>CoreDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="56"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="74"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="113"/>
        <source>ثبت سفارش</source>
        <translation>Create order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="160"/>
        <source>صدور قیمت</source>
        <translation>Issue quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="270"/>
        <source>ثبت پرداخت</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="318"/>
        <source>ثبت رضایت</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="392"/>
        <source>لغو سفارش و نابودی فایل‌ها</source>
        <translation>Cancel order and destroy files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="415"/>
        <source>نابودی همیشگی</source>
        <translation>Destroy permanently</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="445"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Start emergency access</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="418"/>
        <source>نابودی فایل‌های سفارش</source>
        <translation>Destroy order files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="422"/>
        <source>همهٔ عکس‌ها، تحلیل‌ها، گزارش و فرم‌های این سفارش برای همیشه نابود می‌شوند و بازگرداندنی نیستند. فقط مبلغ و تاریخ‌ها برای حسابداری می‌ماند.</source>
        <translation>All photos, analyses, the report and the forms of this order will be permanently destroyed and cannot be recovered. Only the amount and dates are kept for accounting.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="429"/>
        <source>مشتری درخواست نابودی کرده است و از نتیجه آگاهم.</source>
        <translation>The client asked for destruction and I understand the consequences.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="220"/>
        <source>توضیح کوتاه…</source>
        <translation>Short note…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="224"/>
        <source>شرح پزشک</source>
        <translation>Doctor&apos;s notes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="229"/>
        <source>روش پیشنهادی</source>
        <translation>Suggested procedure</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="238"/>
        <source>توضیح روش…</source>
        <translation>Procedure notes…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="244"/>
        <source>هر دو (بازهٔ مشترک)</source>
        <translation>Both (shared range)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="245"/>
        <source>بانوان</source>
        <translation>Women</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="246"/>
        <source>آقایان</source>
        <translation>Men</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="249"/>
        <source>محدودهٔ طبیعی برای</source>
        <translation>Normal range for</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="270"/>
        <source>امضا شده: {0} — نظام پزشکی {1}</source>
        <translation>Signed: {0} — Medical Council no. {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/viewer.py" line="275"/>
        <source>هنوز امضا نشده است.</source>
        <translation>Not signed yet.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="22"/>
        <source>پیش‌نویس</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="23"/>
        <source>فایل‌ها وارد شد</source>
        <translation>Files imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="24"/>
        <source>تحلیل شد</source>
        <translation>Analyzed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="25"/>
        <source>قیمت اعلام شد</source>
        <translation>Quoted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="26"/>
        <source>پرداخت شد</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="27"/>
        <source>رضایت ثبت شد</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="28"/>
        <source>در بررسی پزشک</source>
        <translation>In doctor review</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="29"/>
        <source>تحویل شد</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="30"/>
        <source>لغو شد</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="31"/>
        <source>منقضی شد</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="32"/>
        <source>حذف شد</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="36"/>
        <source>تحلیل چهره (جراحی بینی)</source>
        <translation>Facial analysis (rhinoplasty)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="37"/>
        <location filename="../../maya_desktop/gui/labels.py" line="42"/>
        <source>سند محرمانه</source>
        <translation>Confidential document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="41"/>
        <source>تحلیل رینوپلاستی</source>
        <translation>Rhinoplasty analysis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="46"/>
        <source>روبه‌رو</source>
        <translation>Frontal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="47"/>
        <source>نیم‌رخ چپ</source>
        <translation>Left profile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="48"/>
        <source>نیم‌رخ راست</source>
        <translation>Right profile</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="49"/>
        <source>مایل چپ</source>
        <translation>Left oblique</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="50"/>
        <source>مایل راست</source>
        <translation>Right oblique</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="51"/>
        <source>از زیر (قاعدهٔ بینی)</source>
        <translation>Base</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="53"/>
        <source>نمای نامشخص</source>
        <translation>Unknown view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="56"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="57"/>
        <source>پذیرش</source>
        <translation>Receptionist</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="58"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="62"/>
        <source>فرم امضاشده</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="63"/>
        <source>شفاهی</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="64"/>
        <source>کد پیامکی</source>
        <translation>SMS code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="68"/>
        <source>پایان مهلت نگهداری پس از تحویل</source>
        <translation>End of the retention period after delivery</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="69"/>
        <location filename="../../maya_desktop/gui/labels.py" line="108"/>
        <source>لغو سفارش</source>
        <translation>Order cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="70"/>
        <source>منقضی شدن قیمت</source>
        <translation>Quote expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="71"/>
        <source>درخواست مشتری</source>
        <translation>Client request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="72"/>
        <source>حذف مشتری</source>
        <translation>Client erased</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="76"/>
        <source>ساخت کلینیک</source>
        <translation>Clinic created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="77"/>
        <source>ورود</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="78"/>
        <source>ورود ناموفق</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="79"/>
        <source>قفل</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="80"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="81"/>
        <source>باز کردن قفل ناموفق</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="82"/>
        <source>تلاش بدون مجوز</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="83"/>
        <source>پذیرش تعهدنامه</source>
        <translation>Agreement accepted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="84"/>
        <source>ساخت حساب کارمند</source>
        <translation>Staff account created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="85"/>
        <source>غیرفعال کردن کارمند</source>
        <translation>Staff member deactivated</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="86"/>
        <source>کلید دسترسی ناشناخته یا دستکاری‌شده رد شد</source>
        <translation>Unknown or altered key slot refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="87"/>
        <source>کلید دسترسی بی‌صاحب حذف شد</source>
        <translation>Orphan key slot removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="88"/>
        <source>کلید دسترسی دستکاری‌شده ترمیم شد</source>
        <translation>Tampered key slot repaired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="89"/>
        <source>عقب‌گرد یا بازنویسی گزارش رویدادها پیدا شد</source>
        <translation>Audit log rollback or rewrite found</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="90"/>
        <source>گذرواژهٔ تازه برای کارمند</source>
        <translation>Staff password reset</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="91"/>
        <source>تغییر گذرواژه</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="92"/>
        <source>فعال‌سازی ورود دومرحله‌ای</source>
        <translation>Two-step login enabled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="93"/>
        <source>ثبت مشتری</source>
        <translation>Client registered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="94"/>
        <source>ویرایش مشتری</source>
        <translation>Client edited</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="95"/>
        <source>حذف کامل مشتری</source>
        <translation>Client erased completely</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="96"/>
        <source>افزودن مشتریان نمایشی</source>
        <translation>Demo clients added</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="97"/>
        <source>تغییر تنظیمات</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="98"/>
        <source>ثبت سفارش</source>
        <translation>Order created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="99"/>
        <source>ویرایش یادداشت سفارش</source>
        <translation>Order notes changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="100"/>
        <source>ورود عکس یا سند</source>
        <translation>Files imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="101"/>
        <source>پایان تحلیل</source>
        <translation>Analysis completed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="102"/>
        <source>اعلام قیمت</source>
        <translation>Quote issued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="103"/>
        <source>ثبت پرداخت</source>
        <translation>Payment recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="104"/>
        <source>ثبت رضایت</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="105"/>
        <source>لغو رضایت</source>
        <translation>Consent revoked</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="106"/>
        <source>شروع بررسی پزشک</source>
        <translation>Doctor review started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="107"/>
        <source>تحویل</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="109"/>
        <source>انقضای پیش‌فاکتور</source>
        <translation>Quote expired</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="110"/>
        <source>نابودی طبق قاعده</source>
        <translation>Destroyed by rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="111"/>
        <source>نابودی به درخواست</source>
        <translation>Destroyed on request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="112"/>
        <source>دسترسی ردشده به سفارش</source>
        <translation>Order access denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="113"/>
        <source>دسترسی ردشده به فایل</source>
        <translation>File access denied</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="114"/>
        <source>خروجی برای مشتری</source>
        <translation>Copy exported for the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="115"/>
        <source>آغاز خروجی برای مشتری</source>
        <translation>Client copy started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="116"/>
        <source>خروجی برای مشتری ناتمام ماند</source>
        <translation>Client copy failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="117"/>
        <source>پاک کردن پوشهٔ ناتمام خروجی مشتری</source>
        <translation>Unfinished client copy removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="118"/>
        <source>باز کردن پرونده</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="119"/>
        <source>دیدن عکس</source>
        <translation>Photo viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="120"/>
        <source>حذف عکس</source>
        <translation>Photo removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="121"/>
        <source>تأیید نماها</source>
        <translation>Views confirmed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="122"/>
        <source>دیدن تحلیل</source>
        <translation>Analysis viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="123"/>
        <source>ذخیرهٔ تحلیل</source>
        <translation>Analysis saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="124"/>
        <source>دیدن سند</source>
        <translation>Document viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="125"/>
        <source>دیدن فرم رضایت</source>
        <translation>Consent form viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="126"/>
        <source>ذخیرهٔ یافته‌ها</source>
        <translation>Findings saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="127"/>
        <source>دیدن گزارش</source>
        <translation>Report viewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="128"/>
        <source>ذخیرهٔ گزارش PDF</source>
        <translation>Report PDF saved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="129"/>
        <source>باز کردن گزارش PDF</source>
        <translation>Report PDF opened</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="130"/>
        <source>حذف نسخهٔ قدیمی گزارش</source>
        <translation>Old report PDF removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="131"/>
        <source>خروجی گزارش</source>
        <translation>Report exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="132"/>
        <source>شروع دسترسی اضطراری</source>
        <translation>Emergency access started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="133"/>
        <source>پایان دسترسی اضطراری</source>
        <translation>Emergency access ended</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="134"/>
        <source>گزارش دسترسی مشتری</source>
        <translation>Client access report</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="135"/>
        <source>تغییر قیمت‌ها</source>
        <translation>Prices changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="136"/>
        <source>حذف قاعدهٔ قیمت</source>
        <translation>Price rule deleted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="137"/>
        <source>ساخت پشتیبان</source>
        <translation>Backup created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="138"/>
        <source>تنظیم پشتیبان خودکار</source>
        <translation>Automatic backup configured</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="139"/>
        <source>ورود سند</source>
        <translation>Document imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="140"/>
        <source>ورود عکس</source>
        <translation>Photo imported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="141"/>
        <source>تغییر تنظیمات همگام‌سازی</source>
        <translation>Sync settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="142"/>
        <source>ثبت درخواست قانونی</source>
        <translation>Legal request recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="143"/>
        <source>تأیید درخواست قانونی</source>
        <translation>Legal request approved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="144"/>
        <source>تأیید ردشده (اصل چهار چشم)</source>
        <translation>Approval refused (four eyes)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="145"/>
        <source>رد درخواست قانونی</source>
        <translation>Legal request refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="146"/>
        <source>خروجی برای مرجع قضایی</source>
        <translation>Exported for the court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="147"/>
        <source>خروجی سفارش برای مرجع قضایی</source>
        <translation>Order exported for the court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="148"/>
        <source>خروجی قضایی ردشده</source>
        <translation>Court export refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="149"/>
        <source>آغاز خروجی برای مرجع قضایی</source>
        <translation>Court export started</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="150"/>
        <source>خروجی قضایی ناتمام ماند</source>
        <translation>Court export failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="151"/>
        <source>پاک کردن پوشهٔ ناتمام خروجی قضایی</source>
        <translation>Unfinished court export folder removed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="152"/>
        <source>بستن درخواست قانونی</source>
        <translation>Legal request closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="154"/>
        <source>ارسال اعلان به مشتری</source>
        <translation>Notice sent to the client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="155"/>
        <source>ارسال اعلان ناموفق ماند</source>
        <translation>Notice could not be sent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="156"/>
        <source>ارسال دوبارهٔ اعلان‌ها</source>
        <translation>Notices retried</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="157"/>
        <source>بازبینی قالب اعلان‌ها</source>
        <translation>Notice templates reviewed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="158"/>
        <source>تنظیم ایمیل یا پیامک اعلان‌ها</source>
        <translation>Notice email or SMS settings changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="159"/>
        <source>تغییر نشانی صفحهٔ پرداخت</source>
        <translation>Payment page address changed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="160"/>
        <source>ارسال خبر رویداد یا تخفیف</source>
        <translation>News of an event or discount queued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="161"/>
        <source>لغو اشتراک خبرها</source>
        <translation>Opted out of news</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="162"/>
        <source>آغاز نگهداری قانونی</source>
        <translation>Legal hold placed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="163"/>
        <source>پایان نگهداری قانونی</source>
        <translation>Legal hold lifted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="164"/>
        <source>نابودی به سبب نگهداری قانونی عقب افتاد</source>
        <translation>Destruction deferred by a legal hold</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="165"/>
        <source>خروجی گزارش رویدادها</source>
        <translation>Audit log exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="166"/>
        <source>بازیابی پشتیبان</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="171"/>
        <source>کار</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="172"/>
        <source>مبلغ (ریال)</source>
        <translation>Amount (rial)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="173"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="174"/>
        <source>شناسهٔ پشتیبان</source>
        <translation>Backup id</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="175"/>
        <source>مبنا</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="176"/>
        <location filename="../../maya_desktop/gui/labels.py" line="230"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="177"/>
        <source>خبر</source>
        <translation>News</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="178"/>
        <source>لغوشده</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="179"/>
        <source>راه ارسال</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="180"/>
        <location filename="../../maya_desktop/gui/labels.py" line="227"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="181"/>
        <source>رضایت</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="182"/>
        <source>تعداد</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="183"/>
        <source>نابودشده</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="184"/>
        <source>سند</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="185"/>
        <source>روشن</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="186"/>
        <source>رویدادها</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="187"/>
        <source>فیلدها</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="188"/>
        <source>فایل</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="189"/>
        <source>فایل‌ها</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="190"/>
        <source>با پالایه</source>
        <translation>Filtered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="191"/>
        <source>از</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="192"/>
        <source>به</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="193"/>
        <source>روش</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="194"/>
        <location filename="../../maya_desktop/gui/labels.py" line="196"/>
        <source>نوع</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="195"/>
        <source>انواع</source>
        <translation>Kinds</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="197"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="198"/>
        <source>مدیران</source>
        <translation>Managers</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="199"/>
        <location filename="../../maya_desktop/gui/labels.py" line="232"/>
        <source>اشتراک خبرها</source>
        <translation>News subscription</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="200"/>
        <source>دقیقه</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="201"/>
        <source>اعلان</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="202"/>
        <source>اعلان‌ها</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="203"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="204"/>
        <source>مجوز</source>
        <translation>Permission</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="205"/>
        <source>عکس</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="207"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="208"/>
        <source>کد بازیابی</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="209"/>
        <source>درخواست</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="210"/>
        <source>مهلت نگهداری (روز)</source>
        <translation>Retention (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="211"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="212"/>
        <source>ردیف‌ها</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="213"/>
        <source>قاعده</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="214"/>
        <source>خودکار</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="215"/>
        <source>تأیید به‌دست خود ثبت‌کننده</source>
        <translation>Approved by the person who recorded it</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="216"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="217"/>
        <source>مقدار تازه</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="218"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="219"/>
        <source>نسخه</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="220"/>
        <source>از راه</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="221"/>
        <source>چه چیزی</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="226"/>
        <source>سفارش</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="228"/>
        <source>کارمند</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="229"/>
        <source>درخواست قانونی</source>
        <translation>Legal request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="231"/>
        <source>قاعدهٔ قیمت</source>
        <translation>Price rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="235"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="236"/>
        <source>خیر</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="241"/>
        <source>ثبت شد، در انتظار تأیید</source>
        <translation>Recorded, awaiting approval</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="242"/>
        <source>تأیید شد</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="243"/>
        <source>تحویل داده شد</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="244"/>
        <source>بسته شد</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="245"/>
        <source>رد شد</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="248"/>
        <source>هویت مشتری (نام، شمارهٔ همراه، ایمیل)</source>
        <translation>Client identity (name, mobile, email)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="249"/>
        <source>مشخصات سفارش‌ها و پرداخت‌ها</source>
        <translation>Order metadata and payments</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="206"/>
        <location filename="../../maya_desktop/gui/labels.py" line="250"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="251"/>
        <source>گزارش پزشک (یافته‌ها و PDF امضاشده)</source>
        <translation>Doctor&apos;s report (findings, signed PDF)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="252"/>
        <source>اسناد محرمانه</source>
        <translation>Confidential documents</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="253"/>
        <source>سابقهٔ رضایت و دسترسی</source>
        <translation>Consent and access history</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="257"/>
        <source>خطوط</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="258"/>
        <source>زاویه‌ها</source>
        <translation>Angles</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="259"/>
        <source>نقاط</source>
        <translation>Landmarks</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/labels.py" line="260"/>
        <source>نام نقاط</source>
        <translation>Landmark names</translation>
    </message>
</context>
<context>
    <name>LegalPage</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="267"/>
        <source>درخواست‌های قانونی</source>
        <translation>Legal requests</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="273"/>
        <source>اطلاعات مشتری با هیچ‌کس به اشتراک گذاشته نمی‌شود، مگر با دستور کتبی مرجع قضایی. هر درخواست را مدیر دیگری تأیید می‌کند و فقط دامنهٔ تأییدشده خارج می‌شود.</source>
        <translation>Client data is shared with no one, except on a court&apos;s written order. Another manager approves each request, and only the approved scope leaves the clinic.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="281"/>
        <source>ثبت درخواست جدید</source>
        <translation>Record a request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="284"/>
        <source>تأیید</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="286"/>
        <source>خروجی برای مرجع قضایی…</source>
        <translation>Export for the court…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="288"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="569"/>
        <source>بستن درخواست</source>
        <translation>Close request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="290"/>
        <source>بستن درخواست نگهداری قانونی آن را هم پایان می‌دهد.</source>
        <translation>Closing the request also lifts its legal hold.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="291"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="322"/>
        <location filename="../../maya_desktop/gui/legal_page.py" line="581"/>
        <source>نگهداری قانونی</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="293"/>
        <source>اطلاعات مشمول این درخواست تا بسته شدن آن نابود نشود.</source>
        <translation>Keep the data this request covers from destruction until it is closed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="294"/>
        <source>رد درخواست</source>
        <translation>Refuse request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="314"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="315"/>
        <source>تاریخ نامه</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="316"/>
        <source>مرجع قضایی</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="317"/>
        <source>شمارهٔ پرونده</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="318"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="319"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="320"/>
        <source>ثبت‌کننده</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="321"/>
        <source>تأییدکننده</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="381"/>
        <source>(مشتری حذف شده)</source>
        <translation>(client erased)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="384"/>
        <source> (خود-تأیید)</source>
        <translation> (self-approved)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="412"/>
        <source>درخواستی را که خودتان ثبت کرده‌اید باید مدیر دیگری تأیید کند.</source>
        <translation>Another manager must approve a request you recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="426"/>
        <source>همهٔ سفارش‌ها</source>
        <translation>all orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="431"/>
        <source>دامنه: {0} — سفارش‌ها: {1}</source>
        <translation>Scope: {0} — orders: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="432"/>
        <source>ثبت: {0}، {1}</source>
        <translation>Recorded: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="435"/>
        <source>تأیید: {0}، {1}</source>
        <translation>Approved: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="437"/>
        <source> — خود-تأیید (تنها مدیر فعال)</source>
        <translation> — self-approved (the only active manager)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="441"/>
        <source>خروجی: {0}، {1} — {2} فایل — SHA-256: {3}</source>
        <translation>Exported: {0}, {1} — {2} files — SHA-256: {3}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="450"/>
        <source>رد: {0}، {1} — {2}</source>
        <translation>Refused: {0}, {1} — {2}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="455"/>
        <source>نگهداری قانونی: از {0} ({1})</source>
        <translation>Legal hold: since {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="459"/>
        <source> تا {0} ({1})</source>
        <translation> until {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="461"/>
        <source> — ادامه دارد تا بسته شدن درخواست</source>
        <translation> — in force until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="464"/>
        <source>توضیحات: {0}</source>
        <translation>Notes: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="469"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="471"/>
        <source>پایان یافت</source>
        <translation>Lifted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="495"/>
        <source>درخواست شمارهٔ {0} ثبت شد؛ اکنون مدیر دیگری باید آن را تأیید کند.</source>
        <translation>Request {0} recorded; another manager must now approve it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="503"/>
        <source>با تأیید، این اطلاعات برای «{0}» (پرونده {1}) قابل خروجی می‌شود:
{2}

ادامه می‌دهید؟</source>
        <translation>Approving lets this data be exported for “{0}” (case {1}):
{2}

Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="507"/>
        <source>شما تنها مدیر فعال هستید؛ این تأیید «خود-تأیید» ثبت می‌شود.</source>
        <translation>You are the only active manager; this approval is recorded as self-approved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="508"/>
        <source>تأیید درخواست مرجع قضایی</source>
        <translation>Approve the court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="517"/>
        <source>درخواست شمارهٔ {0} تأیید شد.</source>
        <translation>Request {0} approved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="528"/>
        <source>درخواست شمارهٔ {0} رد شد.</source>
        <translation>Request {0} refused.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="535"/>
        <source>پوشهٔ خروجی برای مرجع قضایی را انتخاب کنید</source>
        <translation>Choose the folder for the court export</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="550"/>
        <source>خروجی در پوشهٔ «{0}» ساخته شد ({1} فایل). این پوشه اطلاعات رمزگشایی‌شدهٔ مشتری را دارد؛ پس از تحویل به مرجع قضایی آن را از این رایانه پاک کنید.</source>
        <translation>Export written to the folder “{0}” ({1} files). It holds the client&apos;s decrypted data: delete it from this computer once the court has it.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="559"/>
        <source>پس از بستن، برای این درخواست خروجی دیگری ممکن نیست. ادامه می‌دهید؟</source>
        <translation>Once closed, nothing more can be exported for this request. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="563"/>
        <source>با بستن درخواست، نگهداری قانونی پایان می‌یابد و نابودی‌هایی که به سبب آن عقب افتاده بود همین حالا انجام می‌شود.</source>
        <translation>Closing the request lifts its legal hold, and the destruction it deferred runs now.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="570"/>
        <source>درخواست شمارهٔ {0} بسته شد.</source>
        <translation>Request {0} closed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="578"/>
        <source>تا بسته شدن این درخواست، اطلاعات مشمول آن ({0}) نابود نمی‌شود، حتی اگر مهلت نگهداری بگذرد یا مشتری درخواست حذف کند. ادامه می‌دهید؟</source>
        <translation>Until this request is closed, the data it covers ({0}) will not be destroyed, even if the retention period passes or the client asks to be erased. Continue?</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="582"/>
        <source>اطلاعات درخواست شمارهٔ {0} نگهداری قانونی می‌شود.</source>
        <translation>The data of request {0} is now under a legal hold.</translation>
    </message>
</context>
<context>
    <name>LegalRequestDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="75"/>
        <source>ثبت درخواست مرجع قضایی</source>
        <translation>Record a court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="77"/>
        <source>ثبت درخواست</source>
        <translation>Record request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="82"/>
        <source>مثلاً شعبهٔ ۱۰۲ دادگاه کیفری دو تهران</source>
        <translation>e.g. Branch 102, Tehran Criminal Court Two</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="85"/>
        <source>همان‌طور که در نامهٔ دادگاه آمده است</source>
        <translation>Exactly as on the court&apos;s letter</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="88"/>
        <source>۱۴۰۵/۰۹/۰۴</source>
        <translation>1405/09/04</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="97"/>
        <source>دامنهٔ اطلاعات خواسته‌شده</source>
        <translation>Data the court asked for</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="106"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="108"/>
        <source>همهٔ سفارش‌های مشتری (نابودشده‌ها فقط با رسید نابودی)</source>
        <translation>All of the client&apos;s orders (destroyed ones only as their deletion receipts)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="110"/>
        <source>فقط سفارش‌های علامت‌خورده</source>
        <translation>Only the ticked orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="127"/>
        <source>اختیاری: خلاصهٔ دستور، شمارهٔ ثبت نامه در کلینیک… (شمارهٔ کارت ننویسید)</source>
        <translation>Optional: summary of the order, the letter&apos;s registration number at the clinic… (no card numbers)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="129"/>
        <source>نگهداری قانونی: تا بسته شدن درخواست، اطلاعات مشمول آن نابود نشود</source>
        <translation>Legal hold: do not destroy the data it covers until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="132"/>
        <source>نابودی خودکار، درخواست نابودی و حذف مشتری تا پایان درخواست انجام نمی‌شود و دلیلش ثبت می‌شود.</source>
        <translation>Automatic destruction, requests to destroy and client erasure wait until the request ends; the reason is recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="137"/>
        <source>مرجع قضایی</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="138"/>
        <source>شمارهٔ پرونده یا نامه</source>
        <translation>Case or letter number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="139"/>
        <source>تاریخ نامه</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="140"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="149"/>
        <source>دلیل و توضیحات</source>
        <translation>Reason and notes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="162"/>
        <source>فقط همین دامنه پس از تأیید مدیر دیگری قابل خروجی است. همهٔ مراحل در گزارش رویدادها و گزارش دسترسی مشتری ثبت می‌شود.</source>
        <translation>Only this scope can be exported, after another manager approves. Every step is recorded in the audit log and in the client&apos;s access report.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="190"/>
        <source>سفارش {0} — {1} — {2} — {3}</source>
        <translation>Order {0} — {1} — {2} — {3}</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="63"/>
        <source>برنامه قفل است</source>
        <translation>Maya is locked</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="67"/>
        <source>برای ادامه، {0} گذرواژهٔ خود را وارد کند.</source>
        <translation>To continue, {0} must enter their password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="79"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/lock.py" line="83"/>
        <source>ورود با کاربر دیگر</source>
        <translation>Sign in as someone else</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="39"/>
        <source>ورود به مایا</source>
        <translation>Log in to Maya</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="67"/>
        <source>نام کاربری و گذرواژه را وارد کنید.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/login.py" line="70"/>
        <source>در حال بررسی…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login.ui" line="6"/>
        <source>ورود به مایا</source>
        <translation>Log in to Maya</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="20"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation>Maya Beauty Center</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="22"/>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="27"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="29"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="31"/>
        <source>کد دومرحله‌ای</source>
        <translation>Two-step code</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="38"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="43"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="45"/>
        <source>primary</source>
        <translation>primary</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="56"/>
        <source>مایا — {0}</source>
        <translation>Maya — {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="106"/>
        <source>مشتریان</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="107"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="108"/>
        <source>پرونده‌های من</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="109"/>
        <source>دسترسی اضطراری</source>
        <translation>Emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="110"/>
        <source>قیمت‌ها</source>
        <translation>Prices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="111"/>
        <source>کارکنان</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="112"/>
        <source>گزارش رویدادها</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="113"/>
        <source>درخواست‌های قانونی</source>
        <translation>Legal requests</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="114"/>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="115"/>
        <source>پشتیبان‌ها</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="116"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="120"/>
        <source>برنامه</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="121"/>
        <source>قفل کردن</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="125"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="133"/>
        <source>تنظیمات همگام‌سازی…</source>
        <translation>Sync settings…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="137"/>
        <source>حساب من…</source>
        <translation>My account…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="140"/>
        <source>خروج</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="143"/>
        <source>ابزار</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/main_window.py" line="251"/>
        <source>زبان پس از اجرای دوبارهٔ برنامه عوض می‌شود.</source>
        <translation>The language changes the next time the program starts.</translation>
    </message>
</context>
<context>
    <name>MeasurementTable</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="27"/>
        <source>اندازه</source>
        <translation>Measurement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="27"/>
        <source>مقدار</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="27"/>
        <source>محدودهٔ طبیعی</source>
        <translation>Normal range</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/measurement_table.py" line="27"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../maya_desktop/gui/messages.py" line="35"/>
        <source>تأیید</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/messages.py" line="60"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="116"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="129"/>
        <source>اختیاری؛ شمارهٔ کارت یا اطلاعات بانکی ننویسید.</source>
        <translation>Optional; do not enter card numbers or bank details.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="131"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="132"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="133"/>
        <source>یادداشت</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="37"/>
        <source>پیش‌فاکتور آماده است</source>
        <translation>Quote ready</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="38"/>
        <source>آنالیز تحویل شد</source>
        <translation>Analysis delivered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="39"/>
        <source>رسید نابودی فایل‌ها</source>
        <translation>Destruction receipt</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="40"/>
        <source>رضایت ثبت شد</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="41"/>
        <source>رویدادها و تخفیف‌ها (فقط با اجازهٔ مشتری)</source>
        <translation>Events and discounts (only with the client&apos;s opt-in)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="44"/>
        <source>در صف ارسال</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="45"/>
        <source>در حال ارسال</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="46"/>
        <source>فرستاده شد</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="47"/>
        <source>ناموفق</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="48"/>
        <source>لغو شد</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="50"/>
        <source>ایمیل</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="50"/>
        <source>پیامک</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="77"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="81"/>
        <source>اعلان‌های خدمت (پیش‌فاکتور، تحویل، رسید نابودی فایل‌ها، ثبت رضایت) بخشی از خدمت‌اند و برای همه فرستاده می‌شوند. خبر رویدادها و تخفیف‌ها فقط برای مشتریانی فرستاده می‌شود که اجازه داده‌اند، و هر پیام راه لغو دارد. تا ایمیل یا پیامک روشن نشود، هیچ پیامی فرستاده نمی‌شود.</source>
        <translation>Service notices (quote, delivery, destruction receipt, consent recorded) are part of the service and go to every client. News of events and discounts goes only to clients who opted in, and every such message carries a way to opt out. Nothing is sent until email or SMS is turned on.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="99"/>
        <source>قالب پیام‌ها</source>
        <translation>Message templates</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="108"/>
        <source>فارسی</source>
        <translation>Persian</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="109"/>
        <source>انگلیسی (برای مشتریانی که انگلیسی را انتخاب کرده‌اند)</source>
        <translation>English (for clients who chose English)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="120"/>
        <source>موضوع ایمیل</source>
        <translation>Email subject</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="121"/>
        <source>متن ایمیل</source>
        <translation>Email text</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="122"/>
        <source>متن پیامک</source>
        <translation>SMS text</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="135"/>
        <source>ذخیره و تأیید قالب</source>
        <translation>Save and approve template</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="157"/>
        <source>فیلدهای مجاز: {0}</source>
        <translation>Allowed fields: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="168"/>
        <source>پیش‌نمایش (با داده‌های نمونه)</source>
        <translation>Preview (sample data)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="168"/>
        <source>پیامک:</source>
        <translation>SMS:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="190"/>
        <source>آخرین بازبینی: {0}، {1}</source>
        <translation>Last reviewed: {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="193"/>
        <source>قالب‌های پیش‌فرض هنوز بازبینی نشده‌اند.</source>
        <translation>The default templates have not been reviewed yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="199"/>
        <source>اختیاری: گواهی مرجع (CA) ساخت کلینیک</source>
        <translation>Optional: the clinic&apos;s own CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="200"/>
        <source>انتخاب…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="208"/>
        <location filename="../../maya_desktop/gui/notices_page.py" line="240"/>
        <location filename="../../maya_desktop/gui/notices_page.py" line="278"/>
        <source>گواهی مرجع</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="213"/>
        <source>ایمیل از سرور ایمیل کلینیک</source>
        <translation>Email through the clinic&apos;s mail server</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="215"/>
        <source>فرستادن اعلان‌ها با ایمیل</source>
        <translation>Send notices by email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="226"/>
        <source>STARTTLS (معمولاً درگاه ۵۸۷)</source>
        <translation>STARTTLS (usually port 587)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="227"/>
        <source>TLS از ابتدا (معمولاً درگاه ۴۶۵)</source>
        <translation>TLS from the start (usually port 465)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="234"/>
        <source>سرور</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="235"/>
        <source>درگاه (پورت)</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="236"/>
        <source>رمزگذاری</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="237"/>
        <source>نشانی فرستنده</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="238"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="239"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="243"/>
        <source>گواهی سرور همیشه بررسی می‌شود؛ ایمیل هرگز بدون رمزگذاری فرستاده نمی‌شود.</source>
        <translation>The server&apos;s certificate is always verified; email is never sent unencrypted.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="247"/>
        <source>ذخیرهٔ تنظیمات ایمیل</source>
        <translation>Save email settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="254"/>
        <source>پیامک از درگاه پیامک</source>
        <translation>SMS through an SMS gateway</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="258"/>
        <source>درگاه پیامک شمارهٔ همراه مشتری و متن پیام را دریافت می‌کند. متن پیام‌ها کوتاه است: نام کلینیک، شمارهٔ سفارش، مبلغ و تاریخ؛ نه نام خدمت، نه اندازه‌ها، نه عکس.</source>
        <translation>The SMS gateway receives the client&apos;s mobile number and the message text. Texts are kept short: clinic name, order number, amount and date; never the service, measurements or photos.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="266"/>
        <source>فرستادن اعلان‌ها با پیامک (کاوه‌نگار)</source>
        <translation>Send notices by SMS (Kavenegar)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="275"/>
        <source>کلید API</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="276"/>
        <source>شمارهٔ خط فرستنده</source>
        <translation>Sender line number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="277"/>
        <source>نشانی درگاه</source>
        <translation>Gateway address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="282"/>
        <source>ذخیرهٔ تنظیمات پیامک</source>
        <translation>Save SMS settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="289"/>
        <source>صفحهٔ پرداخت بانکی</source>
        <translation>Bank payment page</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="293"/>
        <source>خالی: پرداخت در پذیرش از درگاه بانکی</source>
        <translation>Empty: pay at reception through the bank gateway</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="296"/>
        <source>پیام‌ها هرگز شمارهٔ کارت نمی‌خواهند؛ فقط نشانی درگاه بانکی در آن‌ها می‌آید.</source>
        <translation>Messages never ask for a card number; they only give the bank gateway&apos;s address.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="300"/>
        <source>ذخیرهٔ نشانی پرداخت</source>
        <translation>Save payment address</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="306"/>
        <source>خبر رویدادها و تخفیف‌ها</source>
        <translation>News of events and discounts</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="314"/>
        <source>فرستادن برای مشتریانی که اجازه داده‌اند</source>
        <translation>Send to clients who opted in</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="320"/>
        <source>کد لغو اشتراکی که مشتری داده است</source>
        <translation>Opt-out code the client gave</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="321"/>
        <source>لغو اشتراک</source>
        <translation>Opt out</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="356"/>
        <source>{0} مشتری اجازهٔ دریافت خبرها را داده‌اند.</source>
        <translation>{0} clients have opted in to news.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="398"/>
        <source>{0} پیام در صف ارسال است.</source>
        <translation>{0} messages queued.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/notices_page.py" line="403"/>
        <source>اشتراک خبرهای این مشتری لغو و ثبت شد.</source>
        <translation>This client&apos;s opt-out was recorded.</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="273"/>
        <source>بازگشت به فهرست</source>
        <translation>Back to list</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="300"/>
        <source>پایان دسترسی اضطراری</source>
        <translation>End emergency access</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="314"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="335"/>
        <source>مشخصات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="341"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="342"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="343"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="344"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="378"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="388"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="345"/>
        <source>زمان تحویل</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="346"/>
        <source>تحویل و نابودی</source>
        <translation>Delivery and destruction</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="358"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="539"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="376"/>
        <source>قیمت</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="378"/>
        <source>شرح</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="378"/>
        <source>تعداد</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="385"/>
        <source>پرداخت‌ها</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="388"/>
        <source>درگاه یا پایانه</source>
        <translation>Gateway or terminal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="388"/>
        <source>شمارهٔ پیگیری</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="388"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="393"/>
        <source>رضایت مشتری</source>
        <translation>Client consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="396"/>
        <source>پزشک</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="396"/>
        <source>روش</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="396"/>
        <source>فرم</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="396"/>
        <source>ثبت</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="396"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="411"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="540"/>
        <source>وارد کردن عکس…</source>
        <translation>Import photos…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="412"/>
        <source>تأیید نماها</source>
        <translation>Confirm views</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="413"/>
        <source>پایان تحلیل</source>
        <translation>Finish analysis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="414"/>
        <source>اعلام قیمت…</source>
        <translation>Issue quote…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="415"/>
        <source>ثبت پرداخت…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="416"/>
        <source>ثبت رضایت…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="417"/>
        <source>لغو رضایت</source>
        <translation>Revoke consent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="418"/>
        <source>دسترسی اضطراری…</source>
        <translation>Emergency access…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="419"/>
        <source>لغو سفارش…</source>
        <translation>Cancel order…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="420"/>
        <source>نابودی فایل‌ها…</source>
        <translation>Destroy files…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="476"/>
        <source>سفارش {0}</source>
        <translation>Order {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="489"/>
        <source>هنوز اعلام نشده</source>
        <translation>Not quoted yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="491"/>
        <source>(تغییر دستی)</source>
        <translation>(manual override)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="494"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="655"/>
        <source> — فوری</source>
        <translation> — urgent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="495"/>
        <source>{0} روز</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="499"/>
        <source>فایل‌ها نابود شد: {0} ({1})</source>
        <translation>Files destroyed: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="501"/>
        <source>نگه‌داشته به دستور یک درخواست قانونی: فایل‌ها تا بسته شدن درخواست نابود نمی‌شود</source>
        <translation>Held by a legal request: the files are not destroyed until the request is closed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="503"/>
        <source>تحویل: {0}</source>
        <translation>Delivered: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="505"/>
        <source>تحویل: {0} — نابودی خودکار فایل‌ها: {1}</source>
        <translation>Delivered: {0} — files destroyed automatically on: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="509"/>
        <source>در بررسی پزشک از {0}</source>
        <translation>Under doctor review since {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="511"/>
        <source>هنوز تحویل نشده</source>
        <translation>Not delivered yet</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="528"/>
        <source>اسناد</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="530"/>
        <source>وارد کردن سند…</source>
        <translation>Import document…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="533"/>
        <source>{0} سند، {1} واژه</source>
        <translation>Documents: {0}, words: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="535"/>
        <source>سندی وارد نشده است.</source>
        <translation>No document imported yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="544"/>
        <source>عکس‌های این سفارش نابود شده‌اند.</source>
        <translation>This order&apos;s photos have been destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="577"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="598"/>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="977"/>
        <source>بدون دسترسی به تصویر</source>
        <translation>No access to image</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="579"/>
        <source>هنوز عکسی وارد نشده است.</source>
        <translation>No photos imported yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="581"/>
        <source>عکس‌ها یا پوشهٔ آن‌ها را اینجا رها کنید یا «وارد کردن عکس» را بزنید.</source>
        <translation>Drop photos or their folder here, or click “Import photos”.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="583"/>
        <source>تصاویر این سفارش در این مرحله برای نقش شما نمایش داده نمی‌شود.</source>
        <translation>This order&apos;s images are not shown to your role at this stage.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="585"/>
        <source>نمای هر عکس را بررسی و «تأیید نماها» را بزنید. برای افزودن عکس، فایل‌ها را اینجا رها کنید.</source>
        <translation>Check the view of each photo, then click “Confirm views”. To add photos, drop the files here.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="601"/>
        <source>فایل این تصویر آسیب دیده یا دستکاری شده است</source>
        <translation>This image file is damaged or was altered</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="623"/>
        <source>تحلیل خودکار: {0} از {1} عکس</source>
        <translation>Automatic analysis: {0} of {1} photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="627"/>
        <source>؛ {0} اندازهٔ خارج از محدودهٔ طبیعی؛ {1} عکس رد شد</source>
        <translation>; measurements outside the normal range: {0}; photos rejected: {1}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="640"/>
        <source>جمع: {0}</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="641"/>
        <source>هنوز قیمتی اعلام نشده است.</source>
        <translation>No quote issued yet.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="651"/>
        <source>جمع: {0} — زمان تحویل: {1} روز</source>
        <translation>Total: {0} — turnaround: {1} days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="657"/>
        <source> — قیمت به‌صورت دستی تغییر کرد</source>
        <translation> — price changed manually</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="672"/>
        <source>لغو شد {0}</source>
        <translation>Revoked {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="674"/>
        <source>پایان‌یافته</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="676"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="679"/>
        <source>پزشک #{0}</source>
        <translation>Doctor #{0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="681"/>
        <source>دارد</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="681"/>
        <source>ندارد</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="695"/>
        <source>دسترسی اضطراری فعال است تا {0}. همهٔ دسترسی‌ها ثبت می‌شود.</source>
        <translation>Emergency access is active until {0}. All access is logged.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="731"/>
        <source>ابتدا نمای همهٔ عکس‌ها را تأیید کنید.</source>
        <translation>Confirm the view of every photo first.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="797"/>
        <source>نماها تأیید شد.</source>
        <translation>Views confirmed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="801"/>
        <source>تحلیل کامل شد؛ اکنون قیمت را اعلام کنید.</source>
        <translation>Analysis complete; now issue the quote.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="809"/>
        <source>قیمت اعلام شد.</source>
        <translation>Quote issued.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="812"/>
        <source>پرداخت ثبت شد.</source>
        <translation>Payment recorded.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="815"/>
        <source>رضایت ثبت شد؛ سفارش برای پزشک فرستاده شد.</source>
        <translation>Consent recorded; the order was sent to the doctor.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="819"/>
        <source>رضایت لغو شد؛ پزشک دیگر دسترسی ندارد.</source>
        <translation>Consent revoked; the doctor no longer has access.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="822"/>
        <source>سفارش لغو و فایل‌های آن نابود شد.</source>
        <translation>Order cancelled and its files destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="826"/>
        <source>فایل‌های سفارش نابود شد.</source>
        <translation>The order&apos;s files were destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="848"/>
        <source>انتخاب سند</source>
        <translation>Choose document</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="848"/>
        <source>سند (*.pdf *.docx *.txt)</source>
        <translation>Documents (*.pdf *.docx *.txt)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="854"/>
        <source>انتخاب عکس‌ها</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="854"/>
        <source>عکس</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="868"/>
        <source>تعداد واژه</source>
        <translation>Word count</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="868"/>
        <source>تعداد واژه‌های این PDF:</source>
        <translation>Number of words in this PDF:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="871"/>
        <source>سند وارد شد.</source>
        <translation>Document imported.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="896"/>
        <source>در حال وارد کردن و تحلیل {0} عکس…</source>
        <translation>Importing and analysing photos ({0})…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="907"/>
        <source>در حال توقف پس از عکس جاری…</source>
        <translation>Stopping after the current photo…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="912"/>
        <source>{0} از {1} عکس</source>
        <translation>{0} of {1} photos</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="941"/>
        <source>{0} عکس وارد شد.</source>
        <translation>Photos imported: {0}.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="943"/>
        <source>ورود عکس‌ها متوقف شد؛ عکس‌های واردشده کامل ذخیره شده‌اند و بقیه وارد نشد.</source>
        <translation>Photo import stopped; the photos already imported are fully saved and the rest were not imported.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="946"/>
        <source>این فایل‌ها وارد نشد:</source>
        <translation>These files were not imported:</translation>
    </message>
</context>
<context>
    <name>OrderNoticesBox</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="24"/>
        <source>اعلان‌های مشتری</source>
        <translation>Client notices</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="32"/>
        <source>اعلان</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="32"/>
        <source>راه</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="32"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="32"/>
        <source>زمان</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="37"/>
        <source>ارسال دوباره</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/notices_box.py" line="68"/>
        <source>ارسال برخی اعلان‌ها ناموفق ماند؛ نشانی مشتری یا تنظیمات ایمیل و پیامک را بررسی کنید.</source>
        <translation>Some notices could not be sent; check the client&apos;s address or the email and SMS settings.</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="32"/>
        <source>شماره</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="33"/>
        <source>مشتری</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="34"/>
        <source>خدمت</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="35"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="36"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="37"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="78"/>
        <source>قیمت به‌صورت دستی تغییر کرده است</source>
        <translation>The price was changed manually</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/models.py" line="83"/>
        <source>مشتری #{0}</source>
        <translation>Client #{0}</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="49"/>
        <source>سفارش‌ها</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="54"/>
        <source>جست‌وجو با نام مشتری یا شمارهٔ سفارش…</source>
        <translation>Search by client name or order number…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="59"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="64"/>
        <source>همهٔ خدمت‌ها</source>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="67"/>
        <source>سفارش جدید</source>
        <translation>New order</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="71"/>
        <source>باز کردن</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/orders_page.py" line="203"/>
        <source>نمایش {0} از {1} سفارش</source>
        <translation>Showing {0} of {1} orders</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="273"/>
        <source>ثبت پرداخت</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="277"/>
        <source>مثلاً درگاه سامان یا کارت‌خوان ملت</source>
        <translation>e.g. Saman gateway or Mellat card reader</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="280"/>
        <source>شمارهٔ پیگیری یا مرجع تراکنش</source>
        <translation>Tracking number or transaction reference</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="285"/>
        <source>درگاه یا پایانه</source>
        <translation>Gateway or terminal</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="286"/>
        <source>شمارهٔ پیگیری</source>
        <translation>Tracking number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="287"/>
        <source>مبلغ (تومان)</source>
        <translation>Amount (toman)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="288"/>
        <source>تاریخ پرداخت</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="289"/>
        <source>شمارهٔ کارت بانکی را هرگز وارد نکنید؛ فقط شمارهٔ پیگیری درگاه.</source>
        <translation>Never enter a bank card number; only the gateway&apos;s tracking number.</translation>
    </message>
</context>
<context>
    <name>PhotoCard</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="146"/>
        <source>نما را انتخاب کنید</source>
        <translation>Choose view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="155"/>
        <source>حذف عکس</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="160"/>
        <source>بدون دسترسی به تصویر</source>
        <translation>No access to image</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="164"/>
        <source>✓ نما تأیید شده</source>
        <translation>✓ View confirmed</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="166"/>
        <source>پیشنهاد تحلیل: {0}</source>
        <translation>Suggested: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="168"/>
        <source>نما را تعیین و تأیید کنید</source>
        <translation>Set and confirm the view</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="174"/>
        <source>تصویر خوانده نشد</source>
        <translation>Image could not be read</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="198"/>
        <source>کیفیت عکس برای تحلیل کافی نیست</source>
        <translation>Photo quality is too low for analysis</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="199"/>
        <source>رد شد: {0}</source>
        <translation>Rejected: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="203"/>
        <source>تحلیل شد؛ {0} اندازهٔ خارج از محدوده</source>
        <translation>Analysed; out of range: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/order_detail.py" line="205"/>
        <source>؛ {0} هشدار</source>
        <translation>; warnings: {0}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="55"/>
        <source>در حال باز شدن…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="55"/>
        <source>برای باز کردن کلیک کنید</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/doctor/photo_strip.py" line="83"/>
        <source>باز نشد</source>
        <translation>Could not open</translation>
    </message>
</context>
<context>
    <name>PriceRulesPage</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="74"/>
        <source>قیمت‌ها و زمان تحویل</source>
        <translation>Prices and turnaround</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="77"/>
        <source>قیمت هر سفارش از این قاعده‌ها و نتیجهٔ تحلیل محاسبه می‌شود. مبلغ‌ها به تومان است.</source>
        <translation>Each order&apos;s price is calculated from these rules and the analysis result. Amounts are in toman.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="87"/>
        <source>قیمت ویژهٔ یک اندازه…</source>
        <translation>Special price for a measurement…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="89"/>
        <source>حذف قیمت ویژه</source>
        <translation>Remove special price</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="91"/>
        <source>ذخیرهٔ تغییرها</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="102"/>
        <source>قاعده</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="102"/>
        <source>مقدار</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="102"/>
        <source>واحد</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="129"/>
        <source>اندازهٔ «{0}» خارج از محدوده</source>
        <translation>Measurement “{0}” out of range</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="135"/>
        <source>تومان</source>
        <translation>toman</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="137"/>
        <source>روز</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="139"/>
        <source>درصد</source>
        <translation>percent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="140"/>
        <source>عدد</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="194"/>
        <source>{0} قاعده ذخیره شد.</source>
        <translation>Rules saved: {0}.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="199"/>
        <source>قیمت ویژهٔ یک اندازه</source>
        <translation>Special price for a measurement</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/price_rules_page.py" line="199"/>
        <source>کلید اندازه (مثلاً nasolabial_angle):</source>
        <translation>Measurement key (e.g. nasolabial_angle):</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="163"/>
        <source>اعلام قیمت</source>
        <translation>Issue quote</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="170"/>
        <source>شرح</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="170"/>
        <source>تعداد</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="170"/>
        <source>مبلغ</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="179"/>
        <source>فوری</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="185"/>
        <source>تغییر دستی قیمت</source>
        <translation>Manual price override</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="192"/>
        <source>مبلغ به تومان</source>
        <translation>Amount in toman</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="195"/>
        <source> روز</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="199"/>
        <source>دلیل تغییر قیمت (الزامی)</source>
        <translation>Reason for the price change (required)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="200"/>
        <source>مبلغ نهایی (تومان)</source>
        <translation>Final amount (toman)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="201"/>
        <source>زمان تحویل</source>
        <translation>Turnaround</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="202"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/orders/dialogs.py" line="230"/>
        <source>جمع: {0} — زمان تحویل: {1} روز</source>
        <translation>Total: {0} — turnaround: {1} days</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="106"/>
        <source>کد بازیابی پشتیبان</source>
        <translation>Backup recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="112"/>
        <source>این کد فقط همین یک بار نشان داده می‌شود و هیچ‌جا ذخیره نمی‌شود. آن را روی کاغذ بنویسید و جای امنی جدا از فایل پشتیبان نگه دارید. با این کد (یا گذرواژهٔ مدیری که اکنون فعال است) پشتیبان باز می‌شود.</source>
        <translation>This code is shown only this once and is stored nowhere. Write it on paper and keep it somewhere safe, apart from the backup file. The backup opens with this code (or the password of a manager active now).</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="131"/>
        <source>کد را نوشتم و جای امنی نگه داشتم.</source>
        <translation>I have written the code down and keep it somewhere safe.</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="242"/>
        <source>رد درخواست مرجع قضایی</source>
        <translation>Refuse the court&apos;s request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="243"/>
        <source>رد درخواست</source>
        <translation>Refuse request</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="248"/>
        <source>مثلاً نامه امضا یا مهر ندارد؛ شمارهٔ کارت ننویسید.</source>
        <translation>e.g. the letter has no signature or seal; no card numbers.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/legal_page.py" line="250"/>
        <source>دلیل رد</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="156"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="161"/>
        <source>بازیابی در یک پوشهٔ داده تازه و خالی انجام می‌شود و داده‌های کنونی این رایانه دست نمی‌خورند. پشتیبان همهٔ سفارش‌هایی را که هنگام ساختش داشت دوباره برمی‌گرداند، حتی آن‌هایی که از آن پس نابود شده‌اند؛ سفارش‌هایی که مهلتشان گذشته در نخستین ورود نابود می‌شوند. کارکنان با گذرواژه‌ای که هنگام پشتیبان‌گیری داشتند وارد می‌شوند.</source>
        <translation>Restoring goes into a new, empty data folder; the current data on this computer is not touched. The backup brings back every order it held when it was made, even those destroyed since; orders past their retention are destroyed at the first login. Staff log in with the passwords they had when the backup was made.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="170"/>
        <source>انتخاب فایل…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="172"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="223"/>
        <source>فایل پشتیبان</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="175"/>
        <source>پوشه‌ای تازه، مثلاً …/maya-restored</source>
        <translation>A new folder, e.g. …/maya-restored</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="176"/>
        <source>انتخاب پوشه…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="178"/>
        <location filename="../../maya_desktop/gui/backups_page.py" line="228"/>
        <source>پوشهٔ داده تازه</source>
        <translation>New data folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="181"/>
        <source>کد بازیابی (۱۴ گروه ۴ نویسه‌ای)</source>
        <translation>Recovery code (14 groups of 4 characters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="183"/>
        <source>کد بازیابی</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="184"/>
        <source>یا نام کاربری و گذرواژهٔ مدیری که هنگام پشتیبان‌گیری فعال بود:</source>
        <translation>Or the username and password of a manager who was active when the backup was made:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="190"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="191"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="203"/>
        <source>بازیابی</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="223"/>
        <source>پشتیبان مایا (*.mayabak)</source>
        <translation>Maya backup (*.mayabak)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="237"/>
        <source>فایل پشتیبان و پوشهٔ داده تازه را انتخاب کنید.</source>
        <translation>Choose the backup file and the new data folder.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/backups_page.py" line="240"/>
        <source>کد بازیابی یا نام کاربری و گذرواژهٔ یک مدیر را وارد کنید.</source>
        <translation>Enter the recovery code, or a manager&apos;s username and password.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="58"/>
        <source>تنظیمات کلینیک</source>
        <translation>Clinic settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="65"/>
        <source>قفل خودکار پس از (دقیقه)</source>
        <translation>Auto-lock after (minutes)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="66"/>
        <source>نگهداری تصاویر پس از تحویل (روز)</source>
        <translation>Keep images after delivery (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="67"/>
        <source>اعتبار پیش‌فاکتور (روز)</source>
        <translation>Quote valid for (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="68"/>
        <source>پزشک شمارهٔ همراه و ایمیل مشتری را ببیند</source>
        <translation>Doctors can see the client&apos;s mobile and email</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="70"/>
        <source>نگهداری قانونی پیش از پایانش در گزارش دسترسی مشتری دیده شود (پیش‌فرض: پس از پایان)</source>
        <translation>Show a legal hold in the client&apos;s access report while it is in force (default: once lifted)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="87"/>
        <source>طبق تعهد کلینیک، تصاویر و گزارش پس از این مدت از تحویل نابود می‌شوند. نسخه‌های پشتیبان نیز تا پایان عمر خود این اطلاعات را دارند.</source>
        <translation>As the clinic has promised, images and reports are destroyed this long after delivery. Backups keep this information until they themselves expire.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="103"/>
        <source>ذخیرهٔ تنظیمات</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="116"/>
        <source>پشتیبان خودکار روزانه</source>
        <translation>Automatic daily backup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="122"/>
        <source>خاموش (پوشه‌ای انتخاب نشده)</source>
        <translation>Off (no folder chosen)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="123"/>
        <source>انتخاب پوشه…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="132"/>
        <source>نگهداری پشتیبان‌ها (روز)</source>
        <translation>Keep backups (days)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="136"/>
        <source>هر پشتیبان تا پایان این مدت، سفارش‌هایی را که پس از آن نابود شده‌اند هنوز در خود دارد؛ کوتاه نگه دارید. کلید پشتیبان‌های خودکار با گذرواژهٔ مدیران باز می‌شود.</source>
        <translation>Until it expires, each backup still holds orders destroyed after it was made; keep this short. Automatic backups open with a manager&apos;s password.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="152"/>
        <source>ذخیرهٔ تنظیمات پشتیبان</source>
        <translation>Save backup settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="159"/>
        <source>پوشهٔ پشتیبان</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="175"/>
        <source>پشتیبان‌های خودکارِ قدیمی‌تر از {0} روز در نوبت بعدی پاک می‌شوند و دیگر نمی‌توان از آن‌ها بازیابی کرد.</source>
        <translation>Automatic backups older than {0} days are deleted at the next run and can no longer be restored.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="186"/>
        <source>تنظیمات پشتیبان ذخیره شد.</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="192"/>
        <source>این تغییر داده‌ها را زودتر از قبل نابود می‌کند و برگشت‌پذیر نیست.</source>
        <translation>This change destroys data sooner than before and cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="193"/>
        <source>بله، ذخیره کن</source>
        <translation>Yes, save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="202"/>
        <source>تصاویر و گزارش سفارش‌های تحویل‌شده {0} روز پس از تحویل نابود می‌شوند؛ سفارش‌هایی که این مهلت را گذرانده‌اند در نوبت بعدی نابود می‌شوند.</source>
        <translation>Photos and reports of delivered orders are destroyed {0} days after delivery; orders already past that are destroyed at the next run.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="208"/>
        <source>پیش‌فاکتورهای پرداخت‌نشده پس از {0} روز منقضی و فایل‌هایشان نابود می‌شوند.</source>
        <translation>Unpaid quotes expire after {0} days and their files are destroyed.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/settings_page.py" line="236"/>
        <source>تنظیمات ذخیره شد.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="34"/>
        <source>راه‌اندازی مایا</source>
        <translation>Maya setup</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="36"/>
        <source>بعدی</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="37"/>
        <source>قبلی</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="38"/>
        <source>ساختن کلینیک</source>
        <translation>Create clinic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="39"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="42"/>
        <source>به مایا خوش آمدید</source>
        <translation>Welcome to Maya</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="45"/>
        <source>همهٔ اطلاعات مشتریان روی همین رایانه و به‌صورت رمزنگاری‌شده نگهداری می‌شود. تصاویر پس از تحویل تحلیل نابود می‌شوند و فقط آمار بی‌نام به دفتر مرکزی فرستاده می‌شود.

در این مرحله نام کلینیک و حساب مدیر را می‌سازید. گذرواژهٔ مدیر را فراموش نکنید: بدون آن هیچ‌کس، حتی پشتیبانی، نمی‌تواند اطلاعات را باز کند.</source>
        <translation>All client information is kept on this computer, encrypted. Images are destroyed after the analysis is delivered, and only anonymous statistics are sent to head office.

In this step you create the clinic name and the manager account. Do not forget the manager&apos;s password: without it nobody, not even support, can open the data.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="56"/>
        <source>کلینیک</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="58"/>
        <source>مجموعهٔ زیبایی مایا</source>
        <translation>Maya Beauty Center</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="62"/>
        <source>نام کلینیک</source>
        <translation>Clinic name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="63"/>
        <source>پوشهٔ داده‌ها</source>
        <translation>Data folder</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="37"/>
        <source>حساب کاربری جدید</source>
        <translation>New user account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="49"/>
        <source>ساختن حساب</source>
        <translation>Create account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="50"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <location filename="../../ui/staff_form.ui" line="6"/>
        <source>حساب کاربری جدید</source>
        <translation>New user account</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="10"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="12"/>
        <source>نام کاربری (لاتین)</source>
        <translation>Username (Latin letters)</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="14"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="16"/>
        <source>شمارهٔ نظام پزشکی</source>
        <translation>Medical Council no.</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="18"/>
        <source>گذرواژهٔ اولیه</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../ui/staff_form.ui" line="25"/>
        <source>error</source>
        <translation>error</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="76"/>
        <source>کارکنان</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="80"/>
        <source>حساب جدید</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="82"/>
        <source>تعیین گذرواژهٔ تازه</source>
        <translation>Set new password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="83"/>
        <location filename="../../maya_desktop/gui/staff_page.py" line="150"/>
        <source>غیرفعال کردن</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <source>نام کاربری</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <source>نقش</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="92"/>
        <source>پذیرش تعهدنامه</source>
        <translation>Agreement accepted</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="116"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="116"/>
        <source>غیرفعال</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="135"/>
        <source>گذرواژهٔ تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="135"/>
        <source>گذرواژهٔ تازه:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/staff_page.py" line="151"/>
        <source>این فرد دیگر نمی‌تواند وارد شود و کلید پایگاه داده عوض می‌شود. ادامه می‌دهید؟</source>
        <translation>This person will no longer be able to log in, and the database key will be changed. Continue?</translation>
    </message>
</context>
<context>
    <name>SyncSettingsDialog</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="45"/>
        <source>تنظیمات همگام‌سازی</source>
        <translation>Sync settings</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="51"/>
        <source>فقط داده‌های بی‌نام (وضعیت سفارش، خدمت، مبلغ و روز) با اتصال امن https به دفتر مرکزی فرستاده می‌شود.</source>
        <translation>Only anonymous data (order status, service, amount and day) is sent to head office over a secure HTTPS connection.</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="61"/>
        <source>ذخیره شده است؛ برای تغییر، توکن تازه را وارد کنید</source>
        <translation>Saved; enter a new token to change it</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="65"/>
        <source>اختیاری: SHA-256 کلید عمومی سرور</source>
        <translation>Optional: SHA-256 of the server&apos;s public key</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="69"/>
        <source>اختیاری: شناسهٔ درمانگاه از دفتر مرکزی (cl_...)</source>
        <translation>Optional: clinic ID from head office (cl_...)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="72"/>
        <source>اختیاری: گواهی مرجع خصوصی (PEM)</source>
        <translation>Optional: private CA certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="73"/>
        <source>انتخاب…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="82"/>
        <source>نشانی سرور</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="83"/>
        <source>توکن درمانگاه</source>
        <translation>Clinic token</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="84"/>
        <source>پین گواهی</source>
        <translation>Certificate pin</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="85"/>
        <source>شناسهٔ درمانگاه</source>
        <translation>Clinic ID</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="86"/>
        <source>مرجع گواهی</source>
        <translation>Certificate authority</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="88"/>
        <source>آزمایش اتصال</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="100"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="101"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="143"/>
        <source>گواهی مرجع</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_settings.py" line="182"/>
        <source>در حال آزمایش…</source>
        <translation>Testing…</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="223"/>
        <source>در صف: {0}</source>
        <translation>Queued: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="228"/>
        <source>هنوز انجام نشده</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="229"/>
        <source>آخرین همگام‌سازی: {0}</source>
        <translation>Last sync: {0}</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/sync_status.py" line="233"/>
        <source>همگام‌سازی تنظیم نشده است</source>
        <translation>Sync is not set up</translation>
    </message>
</context>
<context>
    <name>_AccountPage</name>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="74"/>
        <source>حساب مدیر</source>
        <translation>Manager account</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="87"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="88"/>
        <source>نام کاربری (لاتین)</source>
        <translation>Username (Latin letters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="89"/>
        <source>گذرواژه (دست‌کم ۱۰ نویسه)</source>
        <translation>Password (at least 10 characters)</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="90"/>
        <source>تکرار گذرواژه</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../maya_desktop/gui/setup_wizard.py" line="95"/>
        <source>دو گذرواژه یکسان نیستند.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
</TS>
