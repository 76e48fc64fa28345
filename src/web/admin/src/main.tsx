/**
 * Entry point of the admin console: Chinese locale for Ant Design and dayjs, then the router.
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { App, ConfigProvider, unstableSetRender } from 'antd';
import './contrast.css';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { router } from './router.tsx';

dayjs.locale('zh-cn');

// Ant Design 5 renders a few detached pieces (the click wave, static popups) with ReactDOM.render,
// which React 19 removed; this hands it React 19's createRoot instead (antd's documented
// React 19 compatibility hook, the same as @ant-design/v5-patch-for-react-19).
unstableSetRender((node, container) => {
  const target = container as (Element | DocumentFragment) & { gongkaiRoot?: Root };
  target.gongkaiRoot ??= createRoot(target);
  const root = target.gongkaiRoot;
  root.render(node);
  return async () => {
    // Unmounting during React's own render is not allowed; wait one tick.
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    delete target.gongkaiRoot;
  };
});

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Ant Design puts a space inside two-character button labels ("登 录"); Chinese UI text should read as written.
      button={{ autoInsertSpace: false }}
      // Contrast 4.5:1 (WCAG 2.1 AA, checked by axe-core): links, secondary text and danger red darkened.
      theme={{
        token: {
          colorPrimary: '#1456c2',
          colorLink: '#1456c2',
          colorInfo: '#1456c2',
          colorError: '#c41d1f',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          borderRadius: 4,
        },
      }}
    >
      <App>
        <RouterProvider router={router} />
      </App>
    </ConfigProvider>
  </StrictMode>,
);
